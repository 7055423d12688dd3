package cn.gov.jingyang.ops.checkpoint.shift;

public enum ShiftRole {
  LEAD,
  MEMBER
}
