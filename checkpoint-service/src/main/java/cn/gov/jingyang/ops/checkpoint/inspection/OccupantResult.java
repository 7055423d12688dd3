package cn.gov.jingyang.ops.checkpoint.inspection;

/** What the officer decided for an occupant. */
public enum OccupantResult {
  CLEARED,
  REFERRED_TO_HEALTH,
  HOME_QUARANTINE,
  TURNED_BACK
}
