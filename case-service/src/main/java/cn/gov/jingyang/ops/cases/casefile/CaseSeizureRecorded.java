package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Goods were seized in a case. */
public record CaseSeizureRecorded(
    UUID caseId,
    String number,
    String item,
    BigDecimal quantity,
    String unit,
    CustodyStatus custodyStatus,
    OffsetDateTime recordedAt,
    String recordedBy)
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
