package cn.gov.jingyang.ops.checkpoint.checkpoint;

import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointApi.CheckpointRequest;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointApi.CheckpointView;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointApi.HistoryEntryView;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointApi.StatusChange;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/checkpoints")
@Tag(name = "Checkpoints")
public class CheckpointResource {

  private final CheckpointService service;
  private final CheckpointRepository checkpoints;
  private final CheckpointHistoryRepository history;
  private final PersonalDataViewer viewer;

  public CheckpointResource(
      CheckpointService service,
      CheckpointRepository checkpoints,
      CheckpointHistoryRepository history,
      PersonalDataViewer viewer) {
    this.service = service;
    this.checkpoints = checkpoints;
    this.history = history;
    this.viewer = viewer;
  }

  @POST
  @Idempotent
  @RolesAllowed(Roles.COMMAND)
  @Operation(
      summary = "Plan a checkpoint (status PLANNED), with its ETag",
      description =
          "A code already used is 409; a supervisingLeaderId unknown or inactive in the person"
              + " replica is 422 naming it. unitId names the unit whose checkpoint officers record"
              + " inspections here.")
  @APIResponse(
      responseCode = "201",
      description = "Planned",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CheckpointView.class)))
  public Response plan(@Valid @NotNull CheckpointRequest request) {
    Checkpoint checkpoint = service.plan(request);
    return Etags.created(
        URI.create("/checkpoints/" + checkpoint.id()),
        CheckpointView.of(checkpoint),
        checkpoint.version());
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary = "List checkpoints, filtered by status, town and kind",
      description = "Paged; a town longer than 100 characters is 400.")
  public Page<CheckpointView> list(
      @Parameter(description = "Only checkpoints in this status") @QueryParam("status")
          CheckpointStatus status,
      @Parameter(description = "Town, as written") @QueryParam("town") @Size(max = 100) String town,
      @Parameter(description = "Only checkpoints of this kind") @QueryParam("kind")
          CheckpointKind kind,
      @BeanParam PageParams paging) {
    return checkpoints.search(status, town, kind, paging.request()).map(CheckpointView::of);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary = "One checkpoint, with its ETag (the version in quotes)",
      description = "An unknown id is 404.")
  @APIResponse(
      responseCode = "200",
      description = "The checkpoint",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes, e.g. \"3\"",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CheckpointView.class)))
  public Response get(@PathParam("id") UUID id) {
    return withEtag(checkpoints.require(id));
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary =
          "A checkpoint's operating windows (ACTIVE / SUSPENDED / CLOSED, from..to) and lead"
              + " agencies, oldest first; inspections are accepted only for times inside an ACTIVE"
              + " window",
      description = "Paged; an unknown checkpoint is 404.")
  public Page<HistoryEntryView> history(@PathParam("id") UUID id, @BeanParam PageParams paging) {
    checkpoints.require(id);
    return history.of(id, paging.request()).map(HistoryEntryView::of);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.COMMAND)
  @Operation(
      summary =
          "Change a checkpoint's description (not its status or code); If-Match with the ETag read is required (428 without, 412 if stale)",
      description =
          "A changed code is 422; an identical description changes nothing and publishes no"
              + " event; a new lead agency opens a new lead-agency window in the history.")
  @APIResponse(
      responseCode = "200",
      description = "Changed; ETag is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "the new version in quotes",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CheckpointView.class)))
  public Response describe(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the version read, e.g. \"3\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = 40)
          String ifMatch,
      @Valid @NotNull CheckpointRequest request) {
    return withEtag(service.describe(id, Etags.requiredVersion(ifMatch), request, viewer.name()));
  }

  @POST
  @Idempotent
  @Path("/{id}/status")
  @RolesAllowed(Roles.COMMAND)
  @Operation(
      summary =
          "Move a checkpoint: PLANNED → ACTIVE ⇄ SUSPENDED → CLOSED (409 names the allowed moves)",
      description =
          "at defaults to now; an at before the current status window began is 422 naming at"
              + " (windows never overlap).")
  @APIResponse(
      responseCode = "200",
      description = "Moved; ETag is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "the new version in quotes",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CheckpointView.class)))
  public Response changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
    return withEtag(service.changeStatus(id, change, viewer.name()));
  }

  private static Response withEtag(Checkpoint checkpoint) {
    return Etags.ok(CheckpointView.of(checkpoint), checkpoint.version());
  }
}
