package cn.gov.jingyang.ops.checkpoint.situation;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** checkpoint-service's section of the daily situation report. */
@Schema(description = "The checkpoints' day: how many were active and what they inspected")
public record CheckpointSituation(
    @Schema(description = "The day reported on (Asia/Shanghai)", example = "2020-02-03")
        LocalDate date,
    @Schema(
            description =
                "Checkpoints ACTIVE at some time of the day (an operating window overlapping it)",
            example = "18",
            minimum = "0")
        long checkpointsActive,
    @Schema(description = "What was inspected that day, at every checkpoint") Inspected inspected,
    @Schema(
            description =
                "Inspection records and flagged persons per hour of the day (Asia/Shanghai), every"
                    + " hour 0 to 23 listed (0 when none)",
            minItems = 24,
            maxItems = 24)
        List<Hour> perHour) {

  @Schema(description = "One hour of the day: [hour:00, hour+1:00) Asia/Shanghai")
  public record Hour(
      @Schema(
              description = "Hour of the day, 0 to 23",
              example = "8",
              minimum = "0",
              maximum = "23")
          int hour,
      @Schema(description = "Inspection records", example = "31", minimum = "0") long inspections,
      @Schema(description = "Persons flagged by the risk rules", example = "1", minimum = "0")
          long flagged) {}

  @Schema(description = "Inspections of one day, from the daily statistics")
  public record Inspected(
      @Schema(description = "Inspection records", example = "412", minimum = "0") long inspections,
      @Schema(
              description = "Vehicles inspected (records that are not pedestrians)",
              example = "398",
              minimum = "0")
          long vehicles,
      @Schema(description = "Persons inspected (occupants)", example = "911", minimum = "0")
          long persons,
      @Schema(description = "Persons flagged by the risk rules", example = "7", minimum = "0")
          long flagged,
      @Schema(description = "Persons by the result the officer recorded") Results results) {}

  @Schema(description = "Persons inspected, by result")
  public record Results(
      @Schema(description = "Let through (CLEARED)", example = "890", minimum = "0") long cleared,
      @Schema(
              description = "Handed to the health authorities (REFERRED_TO_HEALTH)",
              example = "5",
              minimum = "0")
          long referredToHealth,
      @Schema(
              description = "Sent to home quarantine (HOME_QUARANTINE)",
              example = "12",
              minimum = "0")
          long homeQuarantine,
      @Schema(description = "Turned back (TURNED_BACK)", example = "4", minimum = "0")
          long turnedBack) {}
}
