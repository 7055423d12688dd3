package cn.gov.jingyang.ops.cases.verification;

/** Why a key person is to be visited. */
public enum SourceKind {
  /** A checkpoint flagged the person (OccupantFlagged), with the inspection and occupant ids. */
  CHECKPOINT_FLAG,
  /** A key-person list pushed down by the provincial platform (a batch). */
  PROVINCIAL_LIST,
  /** Entered by hand through the API. */
  MANUAL
}
