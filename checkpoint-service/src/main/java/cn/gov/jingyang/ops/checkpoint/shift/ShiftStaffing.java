package cn.gov.jingyang.ops.checkpoint.shift;

import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Takes a person who can no longer serve off every future shift, marking each one UNDERSTAFFED. */
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
    OffsetDateTime now = OffsetDateTime.now();
    OffsetDateTime after =
        effectiveFrom == null || effectiveFrom.isBefore(now) ? now : effectiveFrom;
    int affected = 0;
    for (Shift shift : shifts.futureShiftsOf(personId, after)) {
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
