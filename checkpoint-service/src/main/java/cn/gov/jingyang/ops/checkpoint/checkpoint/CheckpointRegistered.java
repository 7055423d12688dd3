package cn.gov.jingyang.ops.checkpoint.checkpoint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A checkpoint was planned (status PLANNED). */
public record CheckpointRegistered(
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
    UUID unitId)
    implements CheckpointEvent {

  static CheckpointRegistered of(Checkpoint c) {
    return new CheckpointRegistered(
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
        c.unitId());
  }
}
