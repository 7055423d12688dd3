package cn.gov.jingyang.ops.personnel.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a person's record says: the body of POST /people and PUT /people/{id}. */
@Schema(description = "A person's record")
public record PersonDetails(
    @Schema(description = "Category", example = "POLICE_OFFICER") @NotNull PersonCategory category,
    @Schema(
            description =
                "Police badge number (警號): required for police officers, absent otherwise; unique",
            example = "051234")
        @Size(max = 20)
        String badgeNumber,
    @Schema(description = "Full name", example = "張偉") @NotBlank @Size(max = 100) String name,
    @Schema(
            description = "Unit the person belongs to",
            example = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
        @NotNull
        UUID unitId,
    @Schema(description = "Position", example = "副所長") @Size(max = 100) String position,
    @Schema(
            description = "Mainland mobile number; masked in feeds and logs",
            example = "13800001234")
        @Size(max = 11)
        @Pattern(
            regexp = "^1[3-9]\\d{9}$",
            message = "must be a mainland mobile number of 11 digits")
        String phone,
    @Schema(description = "Qualifications, at most 20", example = "[\"省級戰訓教官\"]") @Size(max = 20)
        List<@NotBlank @Size(max = 100) String> qualifications) {}
