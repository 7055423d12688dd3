package cn.gov.jingyang.ops.cases.casefile;

/** How the case came to the police. */
public enum CaseSource {
  /** Found at a checkpoint. */
  CHECKPOINT,
  /** Found by a household-verification task (opened by case-service itself). */
  VERIFICATION,
  /** Reported by the public (群众举报). */
  REPORT,
  /** Found on patrol. */
  PATROL,
  /** Found online (cyber patrol). */
  ONLINE,
  /** Referred by another agency. */
  REFERRAL
}
