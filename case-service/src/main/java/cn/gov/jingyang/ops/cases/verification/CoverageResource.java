package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.cases.verification.TaskQueries.Counts;
import cn.gov.jingyang.ops.cases.verification.TaskQueries.StationCounts;
import cn.gov.jingyang.ops.cases.verification.VerificationApi.TaskView;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "不漏一户、不漏一人": how far verification has got, per station, per batch and per source — counted
 * directly over the tasks at the time of the request.
 */
@Path("/verification-coverage")
@Tag(name = "Household verification")
public class CoverageResource {

  /** A count of tasks: a bigint, never negative. */
  static final String COUNT_MAX = "9223372036854775807";

  private final TaskQueries queries;
  private final TaskScope scope;

  private static final String COUNTED =
      "Counted directly over the tasks at the time of the request: done = COMPLETED, open = not"
          + " COMPLETED, overdue = open and past due, unroutable = open in the district queue.";

  private static final String SCOPED =
      " A STATION_OFFICER counts only their station's tasks (token claim unit).";

  public CoverageResource(TaskQueries queries, TaskScope scope) {
    this.queries = queries;
    this.scope = scope;
  }

  @Schema(
      description =
          "Coverage of a set of tasks: total; done (COMPLETED); open (not COMPLETED); overdue (open"
              + " and past due); unreachable (UNREACHABLE); unroutable (open, in the district queue:"
              + " no station covers their town)")
  public record CoverageView(
      @Schema(description = "the station asked about", maxLength = VerificationApi.UUID_LENGTH)
          UUID station,
      @Schema(
              description = "the provincial batch asked about",
              maxLength = 64,
              pattern = VerificationApi.BATCH_ID)
          String batch,
      @Schema(description = "the source asked about") SourceKind source,
      @Schema(description = "when counted", maxLength = VerificationApi.TIME_LENGTH)
          OffsetDateTime at,
      @Schema(minimum = "0", maximum = COUNT_MAX) long total,
      @Schema(minimum = "0", maximum = COUNT_MAX) long done,
      @Schema(minimum = "0", maximum = COUNT_MAX) long open,
      @Schema(minimum = "0", maximum = COUNT_MAX) long overdue,
      @Schema(minimum = "0", maximum = COUNT_MAX) long unreachable,
      @Schema(minimum = "0", maximum = COUNT_MAX) long unroutable) {}

  @Schema(description = "Coverage of one station's tasks; no stationUnitId: the district queue")
  public record StationCoverageView(
      UUID stationUnitId,
      @Schema(description = "the unit's code as personnel-service registered it", maxLength = 40)
          String stationCode,
      @Schema(maxLength = 200) String stationName,
      @Schema(minimum = "0", maximum = COUNT_MAX) long total,
      @Schema(minimum = "0", maximum = COUNT_MAX) long done,
      @Schema(minimum = "0", maximum = COUNT_MAX) long open,
      @Schema(minimum = "0", maximum = COUNT_MAX) long overdue,
      @Schema(minimum = "0", maximum = COUNT_MAX) long unreachable,
      @Schema(minimum = "0", maximum = COUNT_MAX) long unroutable) {
    static StationCoverageView of(StationCounts s) {
      Counts c = s.counts();
      return new StationCoverageView(
          s.stationUnitId(),
          s.code(),
          s.name(),
          c.total(),
          c.done(),
          c.open(),
          c.overdue(),
          c.unreachable(),
          c.unroutable());
    }
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER, Roles.AUDITOR, Roles.PROVINCIAL_PLATFORM})
  @Operation(
      summary =
          "Coverage of the tasks of a station, a provincial batch and/or a source (all given"
              + " filters apply; none: every task the caller may see)",
      description = COUNTED + SCOPED)
  public CoverageView coverage(
      @Parameter(description = "Only this station's tasks (unit id)") @QueryParam("station")
          UUID station,
      @Parameter(description = "Only tasks of this provincial batch")
          @QueryParam("batch")
          @Size(max = 64)
          @Pattern(regexp = VerificationApi.BATCH_ID, message = "a provincial batch id")
          String batch,
      @Parameter(description = "Only tasks from this source") @QueryParam("source")
          SourceKind source) {
    TaskFilter filter = TaskFilter.of(null, station, null, source, batch, null);
    OffsetDateTime now = OffsetDateTime.now();
    Counts c = queries.counts(filter, scope.unit(), now);
    return new CoverageView(
        filter.station(),
        filter.batch(),
        filter.source(),
        now,
        c.total(),
        c.done(),
        c.open(),
        c.overdue(),
        c.unreachable(),
        c.unroutable());
  }

  @GET
  @Path("/stations")
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER, Roles.AUDITOR, Roles.PROVINCIAL_PLATFORM})
  @Operation(
      summary =
          "Coverage per station holding tasks, by station code; the district queue (unroutable"
              + " tasks) first, without a station",
      description =
          COUNTED + " At most " + TaskQueries.MAX_STATIONS + " stations (by code)." + SCOPED)
  @APIResponse(
      responseCode = "200",
      description = "Coverage per station",
      content =
          @Content(
              mediaType = "application/json",
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = StationCoverageView.class,
                      maxItems = TaskQueries.MAX_STATIONS)))
  public List<StationCoverageView> perStation() {
    return queries.perStation(scope.unit(), OffsetDateTime.now()).stream()
        .map(StationCoverageView::of)
        .toList();
  }

  @GET
  @Path("/overdue")
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER, Roles.AUDITOR, Roles.PROVINCIAL_PLATFORM})
  @Operation(
      summary =
          "The overdue tasks (open and past due) of a station, a batch and/or a source, most"
              + " overdue first",
      description = "Paged: page from 0, size 1 to 200 (default 50)." + SCOPED)
  public Page<TaskView> overdue(
      @Parameter(description = "Only this station's tasks (unit id)") @QueryParam("station")
          UUID station,
      @Parameter(description = "Only tasks of this provincial batch")
          @QueryParam("batch")
          @Size(max = 64)
          @Pattern(regexp = VerificationApi.BATCH_ID, message = "a provincial batch id")
          String batch,
      @Parameter(description = "Only tasks from this source") @QueryParam("source")
          SourceKind source,
      @BeanParam PageParams paging) {
    TaskFilter filter = TaskFilter.of(null, station, null, source, batch, null).overdueOnly();
    return queries
        .list(filter, scope.unit(), OffsetDateTime.now(), paging.request())
        .map(t -> TaskView.of(t, scope));
  }
}
