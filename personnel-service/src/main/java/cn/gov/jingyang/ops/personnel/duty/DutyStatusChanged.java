package cn.gov.jingyang.ops.personnel.duty;

import cn.gov.jingyang.ops.personnel.person.PersonEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A dated duty-status change was recorded: {@code status} holds from {@code effectiveFrom} until
 * {@code until} (exclusive; null: until a later change), which may lie in the future and may be
 * recorded after a change dated later. Replicas keep every change and read a person's status at a
 * time with the rule of {@link DutyTimeline} (SICK, INJURED, ON_LEAVE take them off shifts and
 * cases inside the interval).
 */
public record DutyStatusChanged(
    UUID personId,
    DutyStatus previousStatus,
    DutyStatus status,
    String reason,
    OffsetDateTime effectiveFrom,
    OffsetDateTime until,
    String changedBy)
    implements PersonEvent {}
