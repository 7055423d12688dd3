package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.person.PersonEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A period of duty was registered by hand (not from a checkpoint shift); it counts towards the
 * person's duty days.
 */
public record DutyPeriodRecorded(
    UUID periodId, UUID personId, OffsetDateTime start, OffsetDateTime end)
    implements PersonEvent {}
