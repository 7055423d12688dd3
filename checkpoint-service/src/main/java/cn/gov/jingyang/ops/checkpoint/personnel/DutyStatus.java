package cn.gov.jingyang.ops.checkpoint.personnel;

/** A person's duty status, as personnel-service publishes it. */
public enum DutyStatus {
  AVAILABLE,
  ON_DUTY,
  RESTING,
  SICK,
  INJURED,
  ON_LEAVE;

  /** SICK, INJURED and ON_LEAVE take a person off future shifts. */
  public boolean takesOffShifts() {
    return this == SICK || this == INJURED || this == ON_LEAVE;
  }
}
