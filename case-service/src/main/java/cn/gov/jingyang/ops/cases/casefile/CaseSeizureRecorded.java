package cn.gov.jingyang.ops.cases.casefile;

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
    implements CaseEvent {}
