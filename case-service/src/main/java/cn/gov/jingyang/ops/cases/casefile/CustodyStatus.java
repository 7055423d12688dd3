package cn.gov.jingyang.ops.cases.casefile;

/** Where seized goods are. */
public enum CustodyStatus {
  /** Held by the police. */
  HELD,
  /** Handed to another agency (e.g. market regulation). */
  TRANSFERRED,
  DESTROYED,
  RETURNED
}
