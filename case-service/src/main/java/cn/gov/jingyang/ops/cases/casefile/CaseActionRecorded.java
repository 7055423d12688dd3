package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An officer recorded an action in a case's timeline; ID numbers and phones in it masked. */
public record CaseActionRecorded(
    UUID caseId, String number, OffsetDateTime at, String author, String text)
    implements DomainEvent {

  @Override
  public String aggregateType() {
    return "Case";
  }

  @Override
  public String aggregateId() {
    return caseId.toString();
  }
}
