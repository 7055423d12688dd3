package cn.gov.jingyang.ops.cases.casefile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Goods seized in a case: 7,000 masks (item 口罩, quantity 7000, unit 只), and where they are. */
public record Seizure(
    String item,
    BigDecimal quantity,
    String unit,
    CustodyStatus custodyStatus,
    OffsetDateTime recordedAt,
    String recordedBy) {}
