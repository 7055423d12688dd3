package cn.gov.jingyang.ops.platform.audit;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the audit trail: who read which personal data in clear, when, why. */
@Schema(description = "A read of personal data in clear, as the audit trail recorded it")
public record AuditRecord(
    @Schema(description = "Position in the trail", example = "42") long id,
    @Schema(description = "When the answer was served") OffsetDateTime recordedAt,
    @Schema(description = "Token subject of the caller", example = "officer.xq", maxLength = 255)
        String actor,
    @Schema(description = "The caller's roles", example = "[\"STATION_OFFICER\"]", maxItems = 20)
        List<@Size(max = 40) String> roles,
    @Schema(description = "The caller's unit (token claim unit), if any", maxLength = 36)
        String unit,
    @Schema(
            description = "What was read: method and path (ID numbers in it masked)",
            example = "GET /verification-tasks/3f6c1f0e-5a2b-4c1d-9e8f-0a1b2c3d4e5f",
            maxLength = 4096)
        String subject,
    @Schema(
            description = "What was disclosed: id_number, phone, id_number_search, phone_search",
            example = "[\"id_number\", \"phone\"]",
            maxItems = 4)
        List<@Size(max = 20) String> fields,
    @Schema(description = "The X-Purpose header of the request, if any", maxLength = 500)
        String purpose,
    @Schema(description = "Correlation id of the request (X-Correlation-Id)", maxLength = 100)
        String requestId,
    @Schema(description = "Hash of the previous row (64 zeros for the first)", maxLength = 64)
        String previousHash,
    @Schema(description = "SHA-256 over previousHash and this row's content, hex", maxLength = 64)
        String hash) {}
