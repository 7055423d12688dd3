package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.person.PersonEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A rest day was recorded for a person (by hand, or by a change of duty status to RESTING); it
 * breaks the duty streak. A day already recorded as rest publishes nothing.
 */
public record RestDayRecorded(UUID personId, LocalDate day, String reason) implements PersonEvent {}
