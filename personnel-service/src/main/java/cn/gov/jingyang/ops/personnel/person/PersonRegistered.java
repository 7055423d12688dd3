package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.personnel.duty.DutyStatus;
import java.util.List;
import java.util.UUID;

/** A person joined the force's records. */
public record PersonRegistered(
    UUID personId,
    PersonCategory category,
    String badgeNumber,
    String name,
    UUID unitId,
    String position,
    String phone,
    List<String> qualifications,
    DutyStatus dutyStatus,
    boolean active,
    long version)
    implements PersonEvent {

  public static PersonRegistered of(Person p) {
    return new PersonRegistered(
        p.id(),
        p.category(),
        p.badgeNumber(),
        p.name(),
        p.unitId(),
        p.position(),
        p.phone(),
        p.qualifications(),
        p.dutyStatus(),
        p.active(),
        p.version());
  }
}
