package cn.gov.jingyang.ops.personnel.person;

/** 民警, 輔警, 職工, 志願者, or seconded from another department. Only police carry a badge number. */
public enum PersonCategory {
  POLICE_OFFICER,
  AUXILIARY_POLICE,
  STAFF,
  VOLUNTEER,
  EXTERNAL
}
