package cn.gov.jingyang.ops.checkpoint.checkpoint;

public enum CheckpointKind {
  HIGHWAY_EXIT,
  NATIONAL_ROAD,
  URBAN_ENTRY,
  VILLAGE
}
