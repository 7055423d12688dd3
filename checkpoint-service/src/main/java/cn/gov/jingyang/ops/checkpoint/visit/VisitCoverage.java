package cn.gov.jingyang.ops.checkpoint.visit;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which active checkpoints a leader visited on one evening ("the deputy commissar visited every
 * checkpoint every evening"), and which none did.
 */
@Schema(description = "Active checkpoints with and without a leader's visit on one evening")
public record VisitCoverage(
    @Schema(
            description = "the day asked for (Asia/Shanghai)",
            example = "2020-02-03",
            maxLength = 10)
        LocalDate date,
    @Schema(
            description = "the evening begins (inclusive)",
            example = "2020-02-03T18:00:00+08:00",
            maxLength = 35)
        OffsetDateTime eveningFrom,
    @Schema(
            description = "the evening ends (exclusive)",
            example = "2020-02-04T00:00:00+08:00",
            maxLength = 35)
        OffsetDateTime eveningTo,
    @Schema(
            description = "active checkpoints a leader visited that evening, by code",
            maxItems = Checkpoint.MAX_CHECKPOINTS)
        List<CheckpointCoverage> covered,
    @Schema(
            description = "active checkpoints no leader visited that evening, by code",
            maxItems = Checkpoint.MAX_CHECKPOINTS)
        List<CheckpointCoverage> notCovered) {

  /** Most visits listed per checkpoint and evening (the first ones; the checkpoint is covered). */
  public static final int MAX_VISITS_SHOWN = 50;

  /** One checkpoint and the visits made to it that evening (none for a checkpoint not covered). */
  public record CheckpointCoverage(
      UUID checkpointId,
      @Schema(maxLength = 40) String code,
      @Schema(maxLength = 200) String name,
      @Schema(
              description = "the evening's visits, at most the first " + MAX_VISITS_SHOWN,
              maxItems = MAX_VISITS_SHOWN)
          List<EveningVisit> visits) {}

  /** A visit of the evening and who made it. */
  public record EveningVisit(
      UUID visitId,
      OffsetDateTime visitedAt,
      @Schema(description = "personnel id; null for people from other agencies", maxLength = 36)
          UUID leaderId,
      @Schema(maxLength = 100) String leaderName,
      @Schema(description = "other agency; null for this bureau's people", maxLength = 100)
          String leaderAgency) {}
}
