package cn.gov.jingyang.ops.checkpoint.statistics;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/statistics")
@Tag(name = "Statistics")
@RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
public class StatisticsResource {

  private static final int MAX_DAYS = 366;

  private final StatisticsRepository statistics;
  private final CheckpointRepository checkpoints;

  public StatisticsResource(StatisticsRepository statistics, CheckpointRepository checkpoints) {
    this.statistics = statistics;
    this.checkpoints = checkpoints;
  }

  @GET
  @Operation(
      summary =
          "Totals over a date range (Asia/Shanghai days, inclusive), per checkpoint and overall",
      description =
          "Read from daily aggregates, never from the inspections; a range of more than 366 days"
              + " or a reversed one is 400 naming to.")
  public StatisticsApi.Overview overview(
      @Parameter(description = "First day; default today (or to)", example = "2020-02-03")
          @QueryParam("from")
          LocalDate from,
      @Parameter(description = "Last day; default today (or from)", example = "2020-02-09")
          @QueryParam("to")
          LocalDate to) {
    LocalDate[] range = range(from, to);
    List<StatisticsApi.CheckpointFigures> rows = statistics.perCheckpoint(range[0], range[1]);
    StatisticsApi.Figures total =
        rows.stream()
            .map(StatisticsApi.CheckpointFigures::figures)
            .reduce(StatisticsApi.Figures.zero(), StatisticsApi.Figures::plus);
    return new StatisticsApi.Overview(range[0], range[1], total, rows);
  }

  @GET
  @Path("/checkpoints/{id}")
  @Operation(
      summary = "One checkpoint per day over a date range",
      description = "An unknown checkpoint is 404; a range of more than 366 days is 400.")
  public StatisticsApi.CheckpointDaily daily(
      @PathParam("id") UUID id,
      @Parameter(description = "First day; default today (or to)", example = "2020-02-03")
          @QueryParam("from")
          LocalDate from,
      @Parameter(description = "Last day; default today (or from)", example = "2020-02-09")
          @QueryParam("to")
          LocalDate to) {
    Checkpoint checkpoint = checkpoints.require(id);
    LocalDate[] range = range(from, to);
    List<StatisticsApi.DayFigures> days = statistics.daily(id, range[0], range[1]);
    StatisticsApi.Figures total =
        days.stream()
            .map(StatisticsApi.DayFigures::figures)
            .reduce(StatisticsApi.Figures.zero(), StatisticsApi.Figures::plus);
    return new StatisticsApi.CheckpointDaily(
        id, checkpoint.code(), range[0], range[1], total, days);
  }

  /** Defaults to today; at most a year. */
  private static LocalDate[] range(LocalDate from, LocalDate to) {
    DistrictDays.checkRange(from, to);
    LocalDate today = DistrictDays.today();
    LocalDate f = from == null ? (to == null ? today : to) : from;
    LocalDate t = to == null ? (from == null ? today : from) : to;
    DistrictDays.checkRange(f, t);
    if (ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
      throw ProblemException.badRequest("to", "a range covers at most " + MAX_DAYS + " days");
    }
    return new LocalDate[] {f, t};
  }
}
