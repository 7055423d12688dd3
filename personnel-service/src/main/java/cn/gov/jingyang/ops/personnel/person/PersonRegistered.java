package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.personnel.duty.DutyStatus;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import java.util.List;
import java.util.UUID;

/**
 * A person joined the force's records. {@code phone} is masked; the number itself travels only
 * sealed, in {@code phoneSealed}, for a service holding the personal-data key.
 */
public record PersonRegistered(
    UUID personId,
    PersonCategory category,
    String badgeNumber,
    String name,
    UUID unitId,
    String position,
    String phone,
    String phoneSealed,
    List<String> qualifications,
    DutyStatus dutyStatus,
    boolean active,
    long version)
    implements PersonEvent {

  public static PersonRegistered of(Person p, PersonalDataSealing sealing) {
    return new PersonRegistered(
        p.id(),
        p.category(),
        p.badgeNumber(),
        p.name(),
        p.unitId(),
        p.position(),
        PersonalData.maskPhone(p.phone()),
        sealing.seal(p.phone()),
        p.qualifications(),
        p.dutyStatus(),
        p.active(),
        p.version());
  }
}
