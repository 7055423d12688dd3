package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A rest day broke the streak a FatigueAlert was raised for. */
public record FatigueAlertCleared(
    UUID alertId,
    UUID personId,
    LocalDate streakStartedOn,
    LocalDate restDay,
    OffsetDateTime clearedAt)
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
