package cn.gov.jingyang.ops.checkpoint.shift;

import java.util.List;

/** SCHEDULED → STARTED → ENDED; a scheduled shift that lost a member is UNDERSTAFFED. */
public enum ShiftStatus {
  SCHEDULED,
  UNDERSTAFFED,
  STARTED,
  ENDED;

  public List<ShiftStatus> allowedNext() {
    return switch (this) {
      case SCHEDULED -> List.of(UNDERSTAFFED, STARTED);
      case UNDERSTAFFED -> List.of(STARTED);
      case STARTED -> List.of(ENDED);
      case ENDED -> List.of();
    };
  }

  public boolean notYetStarted() {
    return this == SCHEDULED || this == UNDERSTAFFED;
  }
}
