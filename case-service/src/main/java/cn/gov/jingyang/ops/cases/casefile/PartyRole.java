package cn.gov.jingyang.ops.cases.casefile;

/** A party's part in a case. */
public enum PartyRole {
  SUSPECT,
  /** A company or organisation held responsible (e.g. the seller of counterfeit masks). */
  RESPONSIBLE_ORGANISATION,
  VICTIM,
  WITNESS,
  REPORTER,
  OTHER
}
