package cn.gov.jingyang.ops.cases.casefile;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Goods seized in a case: 7,000 masks (item 口罩, quantity 7000, unit 只), and where they are. */
public record Seizure(
    @Schema(maxLength = 200) String item,
    BigDecimal quantity,
    @Schema(maxLength = 20) String unit,
    CustodyStatus custodyStatus,
    OffsetDateTime recordedAt,
    @Schema(
            description = "the token subject who recorded it",
            maxLength = CaseApi.CaseView.SUBJECT_LENGTH)
        String recordedBy) {}
