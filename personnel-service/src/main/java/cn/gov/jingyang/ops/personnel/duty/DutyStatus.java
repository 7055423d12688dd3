package cn.gov.jingyang.ops.personnel.duty;

import java.util.List;
import java.util.Map;

/**
 * Duty status and the transitions allowed between them. Someone SICK, INJURED or ON_LEAVE comes
 * back through AVAILABLE before going on duty again; a status cannot be "changed" to itself.
 */
public enum DutyStatus {
  AVAILABLE,
  ON_DUTY,
  RESTING,
  SICK,
  INJURED,
  ON_LEAVE;

  private static final Map<DutyStatus, List<DutyStatus>> ALLOWED =
      Map.of(
          AVAILABLE, List.of(ON_DUTY, RESTING, SICK, INJURED, ON_LEAVE),
          ON_DUTY, List.of(AVAILABLE, RESTING, SICK, INJURED),
          RESTING, List.of(AVAILABLE, ON_DUTY, SICK, INJURED, ON_LEAVE),
          SICK, List.of(AVAILABLE, INJURED),
          INJURED, List.of(AVAILABLE, SICK),
          ON_LEAVE, List.of(AVAILABLE, SICK, INJURED));

  public List<DutyStatus> allowedNext() {
    return ALLOWED.get(this);
  }

  public boolean mayBecome(DutyStatus next) {
    return allowedNext().contains(next);
  }
}
