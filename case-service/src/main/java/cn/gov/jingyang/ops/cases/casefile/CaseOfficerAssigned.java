package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An officer (a person of personnel-service) was put on a case. */
public record CaseOfficerAssigned(
    UUID caseId,
    String number,
    UUID personId,
    String name,
    OffsetDateTime assignedAt,
    String assignedBy)
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
