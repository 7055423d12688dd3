package cn.gov.jingyang.ops.checkpoint.shift;

import java.util.List;

/**
 * SCHEDULED → STARTED → ENDED; a scheduled shift that lost a member is UNDERSTAFFED until it is
 * reinforced; a shift that has not started may be CANCELLED.
 */
public enum ShiftStatus {
  SCHEDULED,
  UNDERSTAFFED,
  STARTED,
  ENDED,
  CANCELLED;

  public List<ShiftStatus> allowedNext() {
    return switch (this) {
      case SCHEDULED -> List.of(UNDERSTAFFED, STARTED, CANCELLED);
      case UNDERSTAFFED -> List.of(SCHEDULED, STARTED, CANCELLED);
      case STARTED -> List.of(ENDED);
      case ENDED, CANCELLED -> List.of();
    };
  }

  public boolean notYetStarted() {
    return this == SCHEDULED || this == UNDERSTAFFED;
  }
}
