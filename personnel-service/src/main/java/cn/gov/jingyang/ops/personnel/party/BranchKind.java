package cn.gov.jingyang.ops.personnel.party;

/** A regular party branch (黨支部), or a TEMPORARY one (臨時黨支部) set up at a checkpoint. */
public enum BranchKind {
  REGULAR,
  TEMPORARY
}
