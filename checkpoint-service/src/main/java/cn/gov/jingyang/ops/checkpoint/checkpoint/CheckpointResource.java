package cn.gov.jingyang.ops.checkpoint.checkpoint;

import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointApi.CheckpointRequest;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointApi.CheckpointView;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointApi.StatusChange;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.checkpoint.common.Query;
import cn.gov.jingyang.ops.checkpoint.common.Viewer;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/checkpoints")
@Tag(name = "Checkpoints")
public class CheckpointResource {

  private final CheckpointService service;
  private final CheckpointRepository checkpoints;
  private final Viewer viewer;

  public CheckpointResource(CheckpointService service, CheckpointRepository checkpoints, Viewer viewer) {
    this.service = service;
    this.checkpoints = checkpoints;
    this.viewer = viewer;
  }

  @POST
  @RolesAllowed(Roles.COMMAND)
  @Operation(summary = "Plan a checkpoint (status PLANNED)")
  public Response plan(@Valid @NotNull CheckpointRequest request) {
    CheckpointView view = CheckpointView.of(service.plan(request));
    return Response.created(URI.create("/checkpoints/" + view.id())).entity(view).build();
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(summary = "List checkpoints, filtered by status, town and kind")
  public Page<CheckpointView> list(
      @QueryParam("status") String status,
      @QueryParam("town") String town,
      @QueryParam("kind") String kind,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return checkpoints
        .search(Query.oneOf("status", status, CheckpointStatus.class), town,
            Query.oneOf("kind", kind, CheckpointKind.class), Query.page(page, size))
        .map(CheckpointView::of);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(summary = "One checkpoint")
  public CheckpointView get(@PathParam("id") UUID id) {
    return CheckpointView.of(checkpoints.require(id));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.COMMAND)
  @Operation(summary = "Change a checkpoint's description (not its status or code)")
  public CheckpointView describe(@PathParam("id") UUID id, @Valid @NotNull CheckpointRequest request) {
    return CheckpointView.of(service.describe(id, request));
  }

  @POST
  @Path("/{id}/status")
  @RolesAllowed(Roles.COMMAND)
  @Operation(summary = "Move a checkpoint: PLANNED → ACTIVE ⇄ SUSPENDED → CLOSED (409 names the allowed moves)")
  public CheckpointView changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
    return CheckpointView.of(service.changeStatus(id, change, viewer.name()));
  }
}
