package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.personnel.config.PersonnelConfig;
import cn.gov.jingyang.ops.personnel.deployment.DeploymentApi.DeploymentView;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments")
@Tag(name = "Deployments", description = "People and teams sent to support other units (增援)")
@RolesAllowed({Roles.PERSONNEL_ADMIN, Roles.COMMAND, Roles.AUDITOR, Roles.STATION_OFFICER})
public class DeploymentResource {

  private final DeploymentService service;
  private final DeploymentRepository deployments;
  private final PersonnelConfig config;

  public DeploymentResource(
      DeploymentService service, DeploymentRepository deployments, PersonnelConfig config) {
    this.service = service;
    this.deployments = deployments;
    this.config = config;
  }

  @POST
  @Idempotent
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary =
          "Send a person or a team to support units and checkpoints (targets), with the headcount"
              + " split into police and auxiliaries; publishes DeploymentStarted",
      description =
          "Targets are units of this service and checkpoints of checkpoint-service (at most 50);"
              + " the people named (at most 500) must be active. When policeCount and"
              + " auxiliaryCount are given with a headcount they must add up to it, and the people"
              + " named must fit in them (400 naming the field).")
  @APIResponse(
      responseCode = "201",
      description = "Started; ETag is its version",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes, e.g. \"0\"",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DeploymentView.class)))
  public Response start(@Valid @NotNull DeploymentApi.StartDeployment request) {
    Deployment d = service.start(request);
    return Etags.created(
        URI.create("/deployments/" + d.id()), DeploymentView.of(d, today()), d.version());
  }

  @GET
  @Operation(
      summary =
          "Deployments from or to a unit, to a checkpoint, or of a person; current, past or all",
      description =
          "Filters combine (AND); a deployment is current from its first day until it ends or"
              + " passes its planned last day (Asia/Shanghai).")
  public Page<DeploymentView> list(
      @Parameter(description = "Sending unit or a supported unit (any target)")
          @QueryParam("unitId")
          UUID unitId,
      @Parameter(description = "A supported checkpoint") @QueryParam("checkpointId")
          UUID checkpointId,
      @Parameter(description = "A person among those sent") @QueryParam("personId") UUID personId,
      @Parameter(description = "CURRENT, PAST or ALL (default)")
          @QueryParam("when")
          @DefaultValue("ALL")
          DeploymentRepository.When when,
      @BeanParam PageParams paging) {
    PageRequest request = paging.request();
    LocalDate today = today();
    var query = deployments.search(unitId, checkpointId, personId, when, today);
    return Page.of(
        query.page(request.panache()).list(),
        request,
        query.count(),
        d -> DeploymentView.of(d, today));
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "One deployment, with its ETag",
      description =
          "The deployment with its targets, headcount and the people named; the ETag is its"
              + " version, for If-Match of its end. 404 for an unknown id.")
  @APIResponse(
      responseCode = "200",
      description = "The deployment; ETag is its version",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes, e.g. \"0\"",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DeploymentView.class)))
  public Response get(@PathParam("id") UUID id) {
    return withEtag(deployments.require(id));
  }

  @POST
  @Idempotent
  @Path("/{id}/end")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary =
          "End a deployment; publishes DeploymentEnded. If-Match with the ETag read is required"
              + " (428 without, 412 if stale)",
      description =
          "Records the day it ended (not before its first day, 400) and an optional note; a"
              + " deployment ends once (409 if it has ended).")
  @APIResponse(
      responseCode = "200",
      description = "Ended; ETag is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes, e.g. \"0\"",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DeploymentView.class)))
  public Response end(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the version read, e.g. \"0\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = 64)
          String ifMatch,
      @Valid @NotNull DeploymentApi.EndDeployment request) {
    return withEtag(service.end(id, Etags.requiredVersion(ifMatch), request));
  }

  private Response withEtag(Deployment d) {
    return Etags.ok(DeploymentView.of(d, today()), d.version());
  }

  private LocalDate today() {
    return LocalDate.now(config.zone());
  }
}
