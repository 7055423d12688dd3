package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person left active service; never hard-deleted. */
public record PersonDeactivated(UUID personId, String reason, OffsetDateTime deactivatedAt)
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
