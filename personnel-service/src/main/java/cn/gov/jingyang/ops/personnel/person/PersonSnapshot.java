package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.personnel.duty.DutyStatus;
import cn.gov.jingyang.ops.personnel.party.PartyStatus;
import cn.gov.jingyang.ops.platform.events.DomainEvent;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The whole current state of a person, on the compacted topic {@code personnel.people.state} (key =
 * person id): after every change of the person, and when an operator republishes all. A person who
 * left the force is a snapshot with {@code active=false}, never a tombstone — records elsewhere go
 * on referring to them. {@code version} grows with every change: apply a snapshot only if it is
 * newer. {@code phone} is masked; the number travels only sealed, in {@code phoneSealed}, which a
 * service configured with the personal-data key can open.
 */
public record PersonSnapshot(
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
    OffsetDateTime dutyStatusSince,
    OffsetDateTime dutyStatusUntil,
    PartyStatus partyStatus,
    LocalDate partyStatusSince,
    boolean active,
    OffsetDateTime deactivatedAt,
    String deactivationReason,
    long version)
    implements DomainEvent {

  public static PersonSnapshot of(Person p, PersonalDataSealing sealing) {
    return new PersonSnapshot(
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
        p.dutyStatusSince(),
        p.dutyStatusReviewAt(),
        p.partyStatus(),
        p.partyStatusSince(),
        p.active(),
        p.deactivatedAt(),
        p.deactivationReason(),
        p.version());
  }

  @Override
  public String aggregateType() {
    return "Person";
  }

  @Override
  public String aggregateId() {
    return personId.toString();
  }
}
