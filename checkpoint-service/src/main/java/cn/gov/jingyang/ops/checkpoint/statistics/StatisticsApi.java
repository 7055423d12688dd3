package cn.gov.jingyang.ops.checkpoint.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class StatisticsApi {

  private StatisticsApi() {}

  @Schema(description = "Counts of inspections, vehicles, persons, flagged persons and each result")
  public record Figures(
      @Schema(description = "inspection records", example = "412") long inspections,
      @Schema(description = "vehicles (records that are not pedestrians)", example = "398")
          long vehicles,
      @Schema(description = "persons inspected", example = "911") long persons,
      @Schema(description = "persons flagged by the risk rules", example = "7") long flagged,
      @Schema(example = "890") long cleared,
      @Schema(example = "5") long referredToHealth,
      @Schema(example = "12") long homeQuarantine,
      @Schema(example = "4") long turnedBack) {

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

  public record DayFigures(@Schema(example = "2020-02-03") LocalDate day, Figures figures) {}

  @Schema(description = "One checkpoint, per day")
  public record CheckpointDaily(
      UUID checkpointId,
      String code,
      LocalDate from,
      LocalDate to,
      Figures total,
      List<DayFigures> days) {}

  public record CheckpointFigures(UUID checkpointId, String code, String name, Figures figures) {}

  @Schema(description = "All checkpoints over a date range")
  public record Overview(
      LocalDate from, LocalDate to, Figures total, List<CheckpointFigures> checkpoints) {}
}
