package cn.gov.jingyang.ops.checkpoint.risk;

/** Why an occupant was flagged. */
public enum RiskReason {
  /** Comes from a configured risk region. */
  FROM_RISK_REGION,
  /** Stayed in a designated risk area in the last 14 days. */
  STAYED_IN_RISK_AREA,
  /** Body temperature at or above the threshold. */
  FEVER,
  /** Reported one of the configured symptoms. */
  SYMPTOMS
}
