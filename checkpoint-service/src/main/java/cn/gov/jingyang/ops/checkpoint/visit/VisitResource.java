package cn.gov.jingyang.ops.checkpoint.visit;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.checkpoint.common.Days;
import cn.gov.jingyang.ops.checkpoint.common.Query;
import cn.gov.jingyang.ops.checkpoint.common.Viewer;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/visits")
@Tag(name = "Supervisory visits")
public class VisitResource {

  @Schema(description = "A supervisory visit to record")
  public record VisitRequest(
      @NotNull UUID checkpointId,
      @Schema(description = "who visited", example = "副局长 李明") @NotBlank @Size(max = 100)
          String visitor,
      @Schema(example = "2020-02-03T20:30:00+08:00") @NotNull OffsetDateTime visitedAt,
      @Schema(example = "登记完整，体温枪电量不足") @NotBlank @Size(max = 4000) String findings,
      @Schema(example = "明早前补充电池") @Size(max = 4000) String instructions) {}

  public record VisitView(
      UUID id,
      UUID checkpointId,
      String visitor,
      OffsetDateTime visitedAt,
      String findings,
      String instructions,
      String recordedBy) {
    static VisitView of(SupervisoryVisit v) {
      return new VisitView(
          v.id(),
          v.checkpointId(),
          v.visitor(),
          v.visitedAt(),
          v.findings(),
          v.instructions(),
          v.recordedBy());
    }
  }

  private final VisitRepository visits;
  private final CheckpointRepository checkpoints;
  private final Outbox outbox;
  private final Viewer viewer;

  public VisitResource(
      VisitRepository visits, CheckpointRepository checkpoints, Outbox outbox, Viewer viewer) {
    this.visits = visits;
    this.checkpoints = checkpoints;
    this.outbox = outbox;
    this.viewer = viewer;
  }

  @POST
  @Idempotent
  @Transactional
  @RolesAllowed({Roles.CHECKPOINT_OFFICER, Roles.COMMAND})
  @Operation(summary = "Record a supervisory visit to a checkpoint")
  public Response record(@Valid @NotNull VisitRequest request) {
    Checkpoint checkpoint = checkpoints.require(request.checkpointId());
    if (request.visitedAt().isAfter(OffsetDateTime.now().plusMinutes(10))) {
      throw ProblemException.unprocessable("visitedAt", "lies in the future");
    }
    SupervisoryVisit visit =
        SupervisoryVisit.record(
            checkpoint.id(),
            request.visitor(),
            request.visitedAt(),
            request.findings(),
            request.instructions(),
            viewer.name());
    visits.persist(visit);
    outbox.append(
        new SupervisoryVisitRecorded(
            visit.id(),
            checkpoint.id(),
            checkpoint.code(),
            visit.visitor(),
            visit.visitedAt(),
            visit.findings(),
            visit.instructions(),
            visit.recordedBy()));
    return Response.created(URI.create("/visits/" + visit.id()))
        .entity(VisitView.of(visit))
        .build();
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(summary = "List supervisory visits by checkpoint and date range (Asia/Shanghai days)")
  public Page<VisitView> list(
      @QueryParam("checkpointId") String checkpointId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    LocalDate fromDay = Query.date("from", from);
    LocalDate toDay = Query.date("to", to);
    Days.checkRange(fromDay, toDay);
    return visits
        .search(Query.uuid("checkpointId", checkpointId), fromDay, toDay, Query.page(page, size))
        .map(VisitView::of);
  }
}
