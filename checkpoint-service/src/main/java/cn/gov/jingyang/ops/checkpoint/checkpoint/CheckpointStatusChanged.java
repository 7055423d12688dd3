package cn.gov.jingyang.ops.checkpoint.checkpoint;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A checkpoint went from one status to another. */
public record CheckpointStatusChanged(
    UUID checkpointId,
    String code,
    CheckpointStatus previousStatus,
    CheckpointStatus status,
    OffsetDateTime effectiveAt,
    String reason,
    String changedBy)
    implements DomainEvent {

  @Override
  public String aggregateType() {
    return "Checkpoint";
  }

  @Override
  public String aggregateId() {
    return checkpointId.toString();
  }
}
