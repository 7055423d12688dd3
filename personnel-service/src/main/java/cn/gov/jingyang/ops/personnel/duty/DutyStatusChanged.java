package cn.gov.jingyang.ops.personnel.duty;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person's duty status changed (SICK, INJURED, ON_LEAVE take them off shifts and cases
 * elsewhere).
 */
public record DutyStatusChanged(
    UUID personId,
    DutyStatus previousStatus,
    DutyStatus status,
    String reason,
    OffsetDateTime effectiveFrom,
    String changedBy)
    implements DomainEvent {

  @Override
  public String aggregateType() {
    return "Person";
  }

  @Override
  public String aggregateId() {
    return personId.toString();
  }
}
