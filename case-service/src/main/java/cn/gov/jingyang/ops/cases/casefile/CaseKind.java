package cn.gov.jingyang.ops.cases.casefile;

/** What a case is about. */
public enum CaseKind {
  /** 三无口罩 and other counterfeit or substandard protective goods. */
  COUNTERFEIT_PROTECTIVE_GOODS,
  /** Spreading false news about the epidemic. */
  RUMOUR,
  /** Hiding a stay in, or a return from, an epidemic area. */
  CONCEALMENT_OF_EXPOSURE,
  /** Obstructing control staff or measures (e.g. blocking a factory's resumption). */
  OBSTRUCTING_EPIDEMIC_CONTROL,
  /** Hoarding and price gouging of scarce goods. */
  PRICE_GOUGING,
  OTHER
}
