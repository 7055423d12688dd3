package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.person.PersonEvent;
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
    implements PersonEvent {}
