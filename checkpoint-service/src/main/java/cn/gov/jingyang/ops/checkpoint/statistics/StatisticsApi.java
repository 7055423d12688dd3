package cn.gov.jingyang.ops.checkpoint.statistics;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class StatisticsApi {

  private StatisticsApi() {}

  /** Counts are never negative; their upper bound is a long's. */
  private static final String COUNT_MAX = "9223372036854775807";

  @Schema(description = "Counts of inspections, vehicles, persons, flagged persons and each result")
  public record Figures(
      @Schema(
              description = "inspection records",
              example = "412",
              minimum = "0",
              maximum = COUNT_MAX)
          long inspections,
      @Schema(
              description = "vehicles (records that are not pedestrians)",
              example = "398",
              minimum = "0",
              maximum = COUNT_MAX)
          long vehicles,
      @Schema(
              description = "persons inspected",
              example = "911",
              minimum = "0",
              maximum = COUNT_MAX)
          long persons,
      @Schema(
              description = "persons flagged by the risk rules",
              example = "7",
              minimum = "0",
              maximum = COUNT_MAX)
          long flagged,
      @Schema(example = "890", minimum = "0", maximum = COUNT_MAX) long cleared,
      @Schema(example = "5", minimum = "0", maximum = COUNT_MAX) long referredToHealth,
      @Schema(example = "12", minimum = "0", maximum = COUNT_MAX) long homeQuarantine,
      @Schema(example = "4", minimum = "0", maximum = COUNT_MAX) long turnedBack) {

    static Figures zero() {
      return new Figures(0, 0, 0, 0, 0, 0, 0, 0);
    }

    Figures plus(Figures o) {
      return new Figures(
          inspections + o.inspections,
          vehicles + o.vehicles,
          persons + o.persons,
          flagged + o.flagged,
          cleared + o.cleared,
          referredToHealth + o.referredToHealth,
          homeQuarantine + o.homeQuarantine,
          turnedBack + o.turnedBack);
    }
  }

  public record DayFigures(
      @Schema(example = "2020-02-03", maxLength = 10) LocalDate day, Figures figures) {}

  @Schema(description = "One checkpoint, per day")
  public record CheckpointDaily(
      UUID checkpointId,
      @Schema(maxLength = 40) String code,
      LocalDate from,
      LocalDate to,
      Figures total,
      @Schema(description = "the days of the range, at most 366", maxItems = 366)
          List<DayFigures> days) {}

  public record CheckpointFigures(
      UUID checkpointId,
      @Schema(maxLength = 40) String code,
      @Schema(maxLength = 200) String name,
      Figures figures) {}

  @Schema(description = "All checkpoints over a date range")
  public record Overview(
      LocalDate from,
      LocalDate to,
      Figures total,
      @Schema(maxItems = Checkpoint.MAX_CHECKPOINTS) List<CheckpointFigures> checkpoints) {}
}
