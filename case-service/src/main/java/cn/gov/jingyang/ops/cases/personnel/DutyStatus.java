package cn.gov.jingyang.ops.cases.personnel;

/** A person's duty status, as personnel-service publishes it. */
public enum DutyStatus {
  AVAILABLE,
  ON_DUTY,
  RESTING,
  SICK,
  INJURED,
  ON_LEAVE;

  /** SICK, INJURED and ON_LEAVE keep a person off case assignments. */
  public boolean keepsOffCases() {
    return this == SICK || this == INJURED || this == ON_LEAVE;
  }
}
