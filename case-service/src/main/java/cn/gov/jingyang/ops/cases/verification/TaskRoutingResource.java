package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.cases.verification.VerificationApi.TaskView;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.security.CallerUnit;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The district routes a task of its queue (a town no station covers) to a station by hand. */
@Path("/verification-tasks/{id}/route")
@Tag(name = "Household verification")
public class TaskRoutingResource {

  /** Where the task goes. */
  @Schema(description = "The station a district-queue task goes to")
  public record Route(
      @Schema(description = "the police station (unit id, as personnel-service registered it)")
          @NotNull
          UUID stationUnitId) {}

  private final ManualRouting routing;
  private final SecurityIdentity identity;
  private final CallerUnit callerUnit;
  private final TaskScope scope;

  public TaskRoutingResource(
      ManualRouting routing, SecurityIdentity identity, CallerUnit callerUnit, TaskScope scope) {
    this.routing = routing;
    this.identity = identity;
    this.callerUnit = callerUnit;
    this.scope = scope;
  }

  @POST
  @Idempotent
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER})
  @Operation(
      summary =
          "Route a district-queue task (its town covered by no station) to a station; If-Match"
              + " required. COMMAND, or the bureau's own staff (token unit = the district bureau);"
              + " a task already at a station, or completed, is 409; an unknown unit or one that"
              + " is no police station is 422. Emits VerificationTaskRerouted (routedBy)")
  @APIResponse(
      responseCode = "200",
      description = "Routed; ETag is the new version",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TaskView.class)))
  @APIResponse(responseCode = "409", description = "Not in the district queue")
  @APIResponse(responseCode = "422", description = "No police station known by that id")
  public Response route(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the version read, e.g. \"3\"", required = true)
          @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull Route body) {
    VerificationTask task =
        routing.route(
            id,
            Etags.requiredVersion(ifMatch),
            body.stationUnitId(),
            identity,
            callerUnit,
            scope.name());
    return Etags.ok(TaskView.of(task, scope), task.version());
  }
}
