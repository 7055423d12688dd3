package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.personnel.duty.DutyStatus;
import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person as every reader sees it. Party status is not here: it is a party file (GET
 * /people/{id}/party-status).
 */
@Schema(description = "A person")
public record PersonView(
    @Schema(description = "Person id") UUID id,
    @Schema(description = "Category", example = "POLICE_OFFICER") PersonCategory category,
    @Schema(description = "Badge number (police only)", example = "051234", maxLength = 20)
        String badgeNumber,
    @Schema(description = "Name", example = "張偉", maxLength = 100) String name,
    @Schema(description = "Unit") UUID unitId,
    @Schema(description = "Position", example = "副所長", maxLength = 100) String position,
    @Schema(
            description = "Mobile number; masked (138****1234) for roles that see it masked",
            example = "13800001234",
            maxLength = 11)
        String phone,
    @Schema(description = "Qualifications", example = "[\"省級戰訓教官\"]", maxItems = 20)
        List<@Size(max = 100) String> qualifications,
    @Schema(description = "Current duty status", example = "AVAILABLE") DutyStatus dutyStatus,
    @Schema(description = "Since when the duty status holds") OffsetDateTime dutyStatusSince,
    @Schema(description = "False once deactivated", example = "true") boolean active,
    @Schema(description = "When deactivated") OffsetDateTime deactivatedAt,
    @Schema(description = "Version; the ETag is this number in quotes", example = "0")
        long version) {

  /** The person as this caller sees them: the phone masked for roles that see it masked. */
  public static PersonView of(Person p, PersonalDataViewer viewer) {
    return new PersonView(
        p.id(),
        p.category(),
        p.badgeNumber(),
        p.name(),
        p.unitId(),
        p.position(),
        viewer.phone(p.phone()),
        p.qualifications(),
        p.dutyStatus(),
        p.dutyStatusSince(),
        p.active(),
        p.deactivatedAt(),
        p.version());
  }
}
