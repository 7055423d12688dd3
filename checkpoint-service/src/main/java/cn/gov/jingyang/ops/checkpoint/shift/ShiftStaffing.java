package cn.gov.jingyang.ops.checkpoint.shift;

import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Takes a person who cannot serve off the future shifts of that time (or all of them), marking each
 * one UNDERSTAFFED.
 */
@ApplicationScoped
public class ShiftStaffing {

  private final ShiftRepository shifts;
  private final CheckpointRepository checkpoints;
  private final Outbox outbox;

  public ShiftStaffing(ShiftRepository shifts, CheckpointRepository checkpoints, Outbox outbox) {
    this.shifts = shifts;
    this.checkpoints = checkpoints;
    this.outbox = outbox;
  }

  /** Returns how many shifts lost the person; none the second time round. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int takeOffFutureShifts(UUID personId, String reason, OffsetDateTime effectiveFrom) {
    return takeOffShiftsDuring(personId, effectiveFrom, null, reason);
  }

  /**
   * Takes the person off every shift not yet started that overlaps [from, until) (until null: for
   * good) and has not ended; a shift outside keeps them. Returns how many shifts lost the person.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int takeOffShiftsDuring(
      UUID personId, OffsetDateTime from, OffsetDateTime until, String reason) {
    OffsetDateTime now = OffsetDateTime.now();
    OffsetDateTime after = from == null || from.isBefore(now) ? now : from;
    if (until != null && !until.isAfter(after)) {
      return 0;
    }
    int affected = 0;
    for (Shift shift : shifts.futureShiftsOf(personId, after)) {
      if (until != null && !shift.startsAt().isBefore(until)) {
        continue;
      }
      if (shift.remove(personId)) {
        affected++;
        String code = checkpoints.require(shift.checkpointId()).code();
        outbox.append(
            new ShiftEvents.ShiftUnderstaffed(
                shift.id(),
                shift.checkpointId(),
                code,
                shift.startsAt(),
                shift.endsAt(),
                ShiftEvents.Member.of(shift),
                personId,
                reason));
      }
    }
    return affected;
  }
}
