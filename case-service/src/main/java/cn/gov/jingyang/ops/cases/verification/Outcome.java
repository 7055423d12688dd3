package cn.gov.jingyang.ops.cases.verification;

/** What the visit found. CONCEALED_EXPOSURE leads to a CONCEALMENT_OF_EXPOSURE case. */
public enum Outcome {
  NO_RISK,
  HOME_QUARANTINE,
  REFERRED_TO_HEALTH,
  NOT_FOUND,
  CONCEALED_EXPOSURE
}
