package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.BatchRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.BatchResult;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.InspectionRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.InspectionView;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/inspections")
@Tag(name = "Inspections")
public class InspectionResource {

  private final InspectionService service;
  private final InspectionBatch batch;
  private final InspectionRepository inspections;
  private final PersonalDataViewer viewer;
  private final PersonalDataSealing sealing;

  public InspectionResource(
      InspectionService service,
      InspectionBatch batch,
      InspectionRepository inspections,
      PersonalDataViewer viewer,
      PersonalDataSealing sealing) {
    this.sealing = sealing;
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
          "Record one inspection (201; 200 with the first result if the client record id is known)",
      description =
          "Only at a checkpoint in the caller's scope: its unit runs it, or the caller is on a"
              + " shift there that day (else 403 outside-checkpoint-scope). inspectedAt must lie in"
              + " an ACTIVE window of the checkpoint (else 422); a wrong ID check digit is 422.")
  public Response record(@Valid @NotNull InspectionRequest request) {
    InspectionService.Recorded recorded = service.record(request, viewer.name());
    InspectionView view = InspectionView.of(recorded.inspection(), viewer, sealing);
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
          "Upload a batch of inspections (at most checkpoint.inspection.batch-limit; 413 above); one result per record",
      description =
          "All records are checked first, then the valid ones are stored together in one"
              + " transaction; a record that fails (validation, scope, operating window) is"
              + " REJECTED with its problem and the others are stored.")
  public BatchResult upload(@Valid @NotNull BatchRequest request) {
    return batch.upload(request.records(), viewer.name());
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary =
          "List inspections by checkpoint, day range, occupant result, flagged, plate or ID number",
      description =
          "Paged, newest first; a reversed day range is 400; a role that sees ID numbers masked"
              + " may not search by one (403).")
  public Page<InspectionView> list(
      @Parameter(description = "Only this checkpoint") @QueryParam("checkpointId")
          UUID checkpointId,
      @Parameter(description = "First day (Asia/Shanghai), inclusive", example = "2020-02-03")
          @QueryParam("from")
          LocalDate from,
      @Parameter(description = "Last day (Asia/Shanghai), inclusive", example = "2020-02-09")
          @QueryParam("to")
          LocalDate to,
      @Parameter(description = "Only inspections with an occupant of this result")
          @QueryParam("result")
          OccupantResult result,
      @Parameter(description = "Only inspections with (true) or without (false) a flag")
          @QueryParam("flagged")
          Boolean flagged,
      @Parameter(description = "Plate, exact") @QueryParam("plate") @Size(max = 20) String plate,
      @Parameter(
              description =
                  "An occupant's ID number; 403 for a role that sees ID numbers masked (README,"
                      + " Security)")
          @QueryParam("idNumber")
          @Size(max = 18)
          String idNumber,
      @BeanParam PageParams paging) {
    DistrictDays.checkRange(from, to);
    viewer.requireMaySearchByIdNumber("idNumber", idNumber);
    var filter =
        new InspectionRepository.Filter(checkpointId, from, to, result, flagged, plate, idNumber);
    return inspections
        .search(filter, paging.request())
        .map(i -> InspectionView.of(i, viewer, sealing));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary = "One inspection",
      description = "ID numbers and phones masked for roles that may not see them; unknown id 404.")
  public InspectionView get(@PathParam("id") UUID id) {
    return InspectionView.of(inspections.require(id), viewer, sealing);
  }
}
