package cn.gov.jingyang.ops.checkpoint.shift;

import cn.gov.jingyang.ops.checkpoint.shift.ShiftApi.Cancellation;
import cn.gov.jingyang.ops.checkpoint.shift.ShiftApi.MemberRequest;
import cn.gov.jingyang.ops.checkpoint.shift.ShiftApi.ShiftMoment;
import cn.gov.jingyang.ops.checkpoint.shift.ShiftApi.ShiftRequest;
import cn.gov.jingyang.ops.checkpoint.shift.ShiftApi.ShiftView;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/shifts")
@Tag(name = "Shifts")
public class ShiftResource {

  private final ShiftService service;
  private final ShiftRepository shifts;
  private final SecurityIdentity identity;

  public ShiftResource(ShiftService service, ShiftRepository shifts, SecurityIdentity identity) {
    this.service = service;
    this.shifts = shifts;
    this.identity = identity;
  }

  private ShiftService.Scheduler scheduler() {
    return new ShiftService.Scheduler(
        identity.getPrincipal().getName(), identity.hasRole(Roles.COMMAND));
  }

  @POST
  @Idempotent
  @RolesAllowed(Roles.COMMAND)
  @Operation(
      summary =
          "Schedule a shift: members AVAILABLE, one LEAD, nobody on two overlapping shifts; a"
              + " person with an open fatigue alert or RESTING only with COMMAND's"
              + " members[i].override.reason (422 naming the person otherwise)",
      description =
          "At most 50 members; an overlapping shift of a member is 409, a closed checkpoint 409,"
              + " an unknown or unavailable person 422 naming members[i].personId.")
  @APIResponse(
      responseCode = "201",
      description = "Scheduled",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ShiftView.class)))
  public Response schedule(@Valid @NotNull ShiftRequest request) {
    ShiftView view = ShiftView.of(service.schedule(request, scheduler()));
    return Etags.created(URI.create("/shifts/" + view.id()), view, view.version());
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary = "List shifts by checkpoint, person, status and date range (Asia/Shanghai days)",
      description = "Paged, by start; a reversed day range is 400.")
  public Page<ShiftView> list(
      @Parameter(description = "Only this checkpoint") @QueryParam("checkpointId")
          UUID checkpointId,
      @Parameter(description = "Only shifts with this member") @QueryParam("personId")
          UUID personId,
      @Parameter(description = "Only shifts in this status") @QueryParam("status")
          ShiftStatus status,
      @Parameter(description = "First day, inclusive", example = "2020-02-03") @QueryParam("from")
          LocalDate from,
      @Parameter(description = "Last day, inclusive", example = "2020-02-09") @QueryParam("to")
          LocalDate to,
      @BeanParam PageParams paging) {
    DistrictDays.checkRange(from, to);
    return shifts
        .search(checkpointId, personId, status, from, to, paging.request())
        .map(ShiftView::of);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary =
          "One shift, with its ETag (the version in quotes): If-Match of a reinforcement or"
              + " cancellation",
      description = "An unknown id is 404.")
  @APIResponse(
      responseCode = "200",
      description = "The shift",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes, e.g. \"3\"",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ShiftView.class)))
  public Response get(@PathParam("id") UUID id) {
    return withEtag(shifts.require(id));
  }

  @POST
  @Idempotent
  @Path("/{id}/members")
  @RolesAllowed(Roles.COMMAND)
  @Operation(
      summary =
          "Reinforce a shift that has not started with an AVAILABLE person (emits ShiftReinforced); "
              + "SCHEDULED afterwards if it has a LEAD. If-Match with the ETag read is required"
              + " (428 without, 412 if stale); a person who should rest only with override.reason",
      description =
          "A started shift is 409; a person already on it or on an overlapping shift 409; a"
              + " second LEAD 409; a shift holds at most 100 people (409 shift-full).")
  @APIResponse(
      responseCode = "200",
      description = "Reinforced; ETag is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "the new version in quotes",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ShiftView.class)))
  public Response reinforce(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the shift as read, e.g. \"3\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = 40)
          String ifMatch,
      @Valid @NotNull MemberRequest request) {
    return withEtag(service.reinforce(id, Etags.requiredVersion(ifMatch), request, scheduler()));
  }

  @POST
  @Idempotent
  @Path("/{id}/cancellation")
  @RolesAllowed(Roles.COMMAND)
  @Operation(
      summary =
          "Cancel a shift that has not started (emits ShiftCancelled); its people are free again."
              + " If-Match with the ETag read is required (428 without, 412 if stale)",
      description = "Only before it starts (else 409 naming status); the reason is required.")
  @APIResponse(
      responseCode = "200",
      description = "Cancelled; ETag is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "the new version in quotes",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ShiftView.class)))
  public Response cancel(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the shift as read, e.g. \"3\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = 40)
          String ifMatch,
      @Valid @NotNull Cancellation cancellation) {
    return withEtag(service.cancel(id, Etags.requiredVersion(ifMatch), cancellation.reason()));
  }

  @POST
  @Idempotent
  @Path("/{id}/start")
  @RolesAllowed(Roles.COMMAND)
  @Operation(
      summary = "Start a shift (emits ShiftStarted)",
      description =
          "at defaults to now; a CANCELLED shift is 409 and one without a LEAD cannot start; an at at or after"
              + " the planned end, or too early before the planned start, is 422 naming at.")
  public ShiftView start(@PathParam("id") UUID id, @Valid ShiftMoment moment) {
    return ShiftView.of(service.start(id, moment == null ? null : moment.at()));
  }

  @POST
  @Idempotent
  @Path("/{id}/end")
  @RolesAllowed(Roles.COMMAND)
  @Operation(
      summary = "End a shift (emits ShiftEnded)",
      description = "at defaults to now; an end not after the start is 422 naming at.")
  public ShiftView end(@PathParam("id") UUID id, @Valid ShiftMoment moment) {
    return ShiftView.of(service.end(id, moment == null ? null : moment.at()));
  }

  private static Response withEtag(Shift shift) {
    return Etags.ok(ShiftView.of(shift), shift.version());
  }
}
