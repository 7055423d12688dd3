package cn.gov.jingyang.ops.personnel.party;

/** Where a person stands towards the party: applicant (dated), activist, probationary, member. */
public enum PartyStatus {
  NONE,
  APPLICANT,
  ACTIVIST,
  PROBATIONARY,
  MEMBER
}
