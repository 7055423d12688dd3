package cn.gov.jingyang.ops.personnel.unit;

/** What a unit is: the bureau, its brigades and police stations, or an external department. */
public enum UnitKind {
  BUREAU,
  BRIGADE,
  POLICE_STATION,
  EXTERNAL_DEPARTMENT
}
