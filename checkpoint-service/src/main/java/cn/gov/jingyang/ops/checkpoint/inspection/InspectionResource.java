package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.common.Days;
import cn.gov.jingyang.ops.checkpoint.common.Query;
import cn.gov.jingyang.ops.checkpoint.common.Viewer;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.BatchRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.BatchResult;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.InspectionRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.InspectionView;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/inspections")
@Tag(name = "Inspections")
public class InspectionResource {

  private final InspectionService service;
  private final InspectionBatch batch;
  private final InspectionRepository inspections;
  private final Viewer viewer;

  public InspectionResource(
      InspectionService service,
      InspectionBatch batch,
      InspectionRepository inspections,
      Viewer viewer) {
    this.service = service;
    this.batch = batch;
    this.inspections = inspections;
    this.viewer = viewer;
  }

  @POST
  @Idempotent
  @RolesAllowed(Roles.CHECKPOINT_OFFICER)
  @Operation(
      summary =
          "Record one inspection (201; 200 with the first result if the client record id is known)")
  public Response record(@Valid @NotNull InspectionRequest request) {
    InspectionService.Recorded recorded = service.record(request, viewer.name());
    InspectionView view = InspectionView.of(recorded.inspection(), viewer);
    return recorded.created()
        ? Response.created(URI.create("/inspections/" + view.id())).entity(view).build()
        : Response.ok(view).build();
  }

  @POST
  @Idempotent
  @Path("/batch")
  @RolesAllowed(Roles.CHECKPOINT_OFFICER)
  @Operation(
      summary =
          "Upload a batch of inspections (at most checkpoint.inspection.batch-limit; 413 above); one result per record")
  public BatchResult upload(@Valid @NotNull BatchRequest request) {
    return batch.upload(request.records(), viewer.name());
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary =
          "List inspections by checkpoint, day range, occupant result, flagged, plate or ID number")
  public Page<InspectionView> list(
      @QueryParam("checkpointId") String checkpointId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("result") String result,
      @QueryParam("flagged") String flagged,
      @QueryParam("plate") String plate,
      @QueryParam("idNumber") String idNumber,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    LocalDate fromDay = Query.date("from", from);
    LocalDate toDay = Query.date("to", to);
    Days.checkRange(fromDay, toDay);
    var filter =
        new InspectionRepository.Filter(
            Query.uuid("checkpointId", checkpointId),
            fromDay,
            toDay,
            Query.oneOf("result", result, OccupantResult.class),
            Query.bool("flagged", flagged),
            plate,
            idNumber);
    return inspections
        .search(filter, Query.page(page, size))
        .map(i -> InspectionView.of(i, viewer));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(summary = "One inspection")
  public InspectionView get(@PathParam("id") UUID id) {
    return InspectionView.of(inspections.require(id), viewer);
  }
}
