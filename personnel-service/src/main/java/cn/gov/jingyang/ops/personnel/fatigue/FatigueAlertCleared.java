package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.person.PersonEvent;
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
    implements PersonEvent {}
