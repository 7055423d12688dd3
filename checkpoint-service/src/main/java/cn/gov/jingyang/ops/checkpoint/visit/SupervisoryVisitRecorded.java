package cn.gov.jingyang.ops.checkpoint.visit;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

public record SupervisoryVisitRecorded(
    UUID visitId,
    UUID checkpointId,
    String checkpointCode,
    String visitor,
    OffsetDateTime visitedAt,
    String findings,
    String instructions,
    String recordedBy)
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
