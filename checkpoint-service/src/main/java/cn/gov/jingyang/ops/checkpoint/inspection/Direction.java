package cn.gov.jingyang.ops.checkpoint.inspection;

public enum Direction {
  INBOUND,
  OUTBOUND
}
