package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person reached the threshold of consecutive duty days without a rest day. Raised once per
 * streak.
 */
public record FatigueAlertRaised(
    UUID alertId,
    UUID personId,
    int consecutiveDutyDays,
    int thresholdDays,
    LocalDate streakStartedOn,
    LocalDate lastDutyDay,
    OffsetDateTime raisedAt)
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
