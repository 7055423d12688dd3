package cn.gov.jingyang.ops.checkpoint.visit;

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
    @Schema(description = "the day asked for (Asia/Shanghai)", example = "2020-02-03")
        LocalDate date,
    @Schema(description = "the evening begins (inclusive)", example = "2020-02-03T18:00:00+08:00")
        OffsetDateTime eveningFrom,
    @Schema(description = "the evening ends (exclusive)", example = "2020-02-04T00:00:00+08:00")
        OffsetDateTime eveningTo,
    @Schema(description = "active checkpoints a leader visited that evening, by code")
        List<CheckpointCoverage> covered,
    @Schema(description = "active checkpoints no leader visited that evening, by code")
        List<CheckpointCoverage> notCovered) {

  /** One checkpoint and the visits made to it that evening (none for a checkpoint not covered). */
  public record CheckpointCoverage(
      UUID checkpointId, String code, String name, List<EveningVisit> visits) {}

  /** A visit of the evening and who made it. */
  public record EveningVisit(
      UUID visitId,
      OffsetDateTime visitedAt,
      @Schema(description = "personnel id; null for people from other agencies") UUID leaderId,
      String leaderName,
      @Schema(description = "other agency; null for this bureau's people") String leaderAgency) {}
}
