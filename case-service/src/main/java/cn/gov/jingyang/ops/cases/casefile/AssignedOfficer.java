package cn.gov.jingyang.ops.cases.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An officer on the case (a person known to personnel-service), since when and by whom. */
public record AssignedOfficer(
    UUID personId,
    @Schema(description = "as personnel-service registered it", maxLength = 100) String name,
    OffsetDateTime assignedAt,
    @Schema(
            description = "the token subject who assigned",
            maxLength = CaseApi.CaseView.SUBJECT_LENGTH)
        String assignedBy) {}
