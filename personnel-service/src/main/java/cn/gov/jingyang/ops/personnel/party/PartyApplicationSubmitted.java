package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.LocalDate;
import java.util.UUID;

/** A person submitted a written application to join the party (入黨申請書). */
public record PartyApplicationSubmitted(
    UUID applicationId, UUID personId, LocalDate submittedOn, UUID branchId)
    implements DomainEvent {

  @Override
  public String aggregateType() {
    return "Person";
  }

  @Override
  public String aggregateId() {
    return personId.toString();
  }
}
