package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's party status (or the date it holds since) changed. Becoming an APPLICANT also
 * publishes PartyApplicationSubmitted.
 */
public record PartyStatusChanged(
    UUID personId, PartyStatus previousStatus, PartyStatus status, LocalDate since)
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
