package cn.gov.jingyang.ops.checkpoint.visit;

import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/visits")
@Tag(name = "Supervisory visits")
public class VisitResource {

  @Schema(
      description =
          "A supervisory visit to record. The leader is either this bureau's person (leaderId,"
              + " known and active in personnel-service; leaderName and leaderAgency absent) or"
              + " someone from another agency (no leaderId; leaderName and leaderAgency required)")
  public record VisitRequest(
      @NotNull UUID checkpointId,
      @Schema(description = "personnel id of the visiting leader (this bureau)", maxLength = 36)
          UUID leaderId,
      @Schema(description = "name of a leader from another agency", example = "副局长 王强")
          @Size(max = 100)
          String leaderName,
      @Schema(description = "the other agency of that leader", example = "市场监督管理局") @Size(max = 100)
          String leaderAgency,
      @Schema(example = "2020-02-03T20:30:00+08:00", maxLength = 35) @NotNull
          OffsetDateTime visitedAt,
      @Schema(example = "登记完整，体温枪电量不足") @NotBlank @Size(max = 4000) String findings,
      @Schema(example = "明早前补充电池") @Size(max = 4000) String instructions) {}

  public record VisitView(
      UUID id,
      UUID checkpointId,
      @Schema(
              description =
                  "personnel id; null for other agencies' leaders and visits recorded"
                      + " before leaders were personnel ids",
              maxLength = 36)
          UUID leaderId,
      @Schema(
              description = "display name (personnel-service's name when leaderId is set)",
              maxLength = 100)
          String leaderName,
      @Schema(description = "other agency; null for this bureau's people", maxLength = 100)
          String leaderAgency,
      OffsetDateTime visitedAt,
      @Schema(maxLength = 4000) String findings,
      @Schema(maxLength = 4000) String instructions,
      @Schema(description = "the account that recorded it (a token subject)", maxLength = 128)
          String recordedBy) {
    static VisitView of(SupervisoryVisit v) {
      VisitingLeader leader = v.leader();
      return new VisitView(
          v.id(),
          v.checkpointId(),
          leader.personId(),
          leader.name(),
          leader.agency(),
          v.visitedAt(),
          v.findings(),
          v.instructions(),
          v.recordedBy());
    }
  }

  private final VisitService service;
  private final VisitRepository visits;
  private final PersonalDataViewer viewer;

  public VisitResource(VisitService service, VisitRepository visits, PersonalDataViewer viewer) {
    this.service = service;
    this.visits = visits;
    this.viewer = viewer;
  }

  @POST
  @Idempotent
  @RolesAllowed({Roles.CHECKPOINT_OFFICER, Roles.COMMAND})
  @Operation(
      summary = "Record a supervisory visit to a checkpoint",
      description =
          "An unknown or inactive leaderId is a 422 naming leaderId; without leaderId, leaderName"
              + " and leaderAgency are required (422 naming the missing one)")
  public Response record(@Valid @NotNull VisitRequest request) {
    SupervisoryVisit visit =
        service.record(
            request.checkpointId(),
            new VisitService.Visitor(
                request.leaderId(), request.leaderName(), request.leaderAgency()),
            request.visitedAt(),
            request.findings(),
            request.instructions(),
            viewer.name());
    return Response.created(URI.create("/visits/" + visit.id()))
        .entity(VisitView.of(visit))
        .build();
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary = "List supervisory visits by checkpoint and date range (Asia/Shanghai days)",
      description = "Paged; a reversed day range is 400.")
  public Page<VisitView> list(
      @Parameter(description = "Only this checkpoint") @QueryParam("checkpointId")
          UUID checkpointId,
      @Parameter(description = "First day, inclusive", example = "2020-02-03") @QueryParam("from")
          LocalDate from,
      @Parameter(description = "Last day, inclusive", example = "2020-02-09") @QueryParam("to")
          LocalDate to,
      @BeanParam PageParams paging) {
    DistrictDays.checkRange(from, to);
    return visits.search(checkpointId, from, to, paging.request()).map(VisitView::of);
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(summary = "One supervisory visit", description = "An unknown id is 404.")
  public VisitView get(@PathParam("id") UUID id) {
    return VisitView.of(service.require(id));
  }

  @GET
  @Path("/coverage")
  @RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
  @Operation(
      summary = "Which active checkpoints a leader visited on an evening",
      description =
          "The evening is checkpoint.visit.evening-start (18:00) for checkpoint.visit.evening-length"
              + " (PT6H) on the day, Asia/Shanghai. Active: ACTIVE now and activated before the"
              + " evening ended.")
  public VisitCoverage coverage(
      @Parameter(description = "the day (Asia/Shanghai); default today", example = "2020-02-03")
          @QueryParam("date")
          LocalDate date) {
    DistrictDays.checkDay("date", date);
    return service.coverage(date);
  }
}
