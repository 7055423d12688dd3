package cn.gov.jingyang.ops.checkpoint.checkpoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A checkpoint's description changed (name, road, place, town, lead agency…): the whole description
 * after the change, with the new version. Its status changes are CheckpointStatusChanged.
 */
public record CheckpointUpdated(
    UUID checkpointId,
    String code,
    String name,
    String road,
    String place,
    BigDecimal latitude,
    BigDecimal longitude,
    String town,
    CheckpointKind kind,
    CheckpointStatus status,
    LocalDate setUpOn,
    String leadAgency,
    List<String> participatingAgencies,
    String supervisingLeader,
    UUID supervisingLeaderId,
    String supervisingLeaderAgency,
    UUID unitId,
    long version,
    String changedBy)
    implements CheckpointEvent {

  static CheckpointUpdated of(Checkpoint c, String changedBy) {
    return new CheckpointUpdated(
        c.id(),
        c.code(),
        c.name(),
        c.road(),
        c.place(),
        c.latitude(),
        c.longitude(),
        c.town(),
        c.kind(),
        c.status(),
        c.setUpOn(),
        c.leadAgency(),
        c.participatingAgencies(),
        c.supervisingLeader(),
        c.supervisingLeaderId(),
        c.supervisingLeaderAgency(),
        c.unitId(),
        c.version(),
        changedBy);
  }
}
