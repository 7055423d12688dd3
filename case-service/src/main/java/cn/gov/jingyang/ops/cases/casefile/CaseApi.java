package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the case endpoints. */
public final class CaseApi {

  private CaseApi() {}

  @Schema(description = "A party or suspect; ID number and phone are personal data")
  public record PartyRequest(
      @Schema(example = "刘某") @NotBlank @Size(max = 200) String name,
      @Schema(description = "18-character resident ID number", example = "510603198001011234")
          @Size(max = 18)
          @Pattern(regexp = "[0-9]{17}[0-9Xx]", message = "expected 17 digits and a digit or X")
          String idNumber,
      @Schema(example = "13800001234")
          @Size(max = 20)
          @Pattern(regexp = "\\+?[0-9][0-9 -]{2,19}", message = "expected a phone number")
          String phone,
      @Schema(example = "SUSPECT") @NotNull PartyRole role) {

    Party party() {
      return new Party(
          name.strip(),
          idNumber == null ? null : idNumber.toUpperCase(),
          phone == null ? null : phone.strip(),
          role);
    }
  }

  @Schema(description = "A case reported")
  public record CaseRequest(
      @NotNull CaseKind kind,
      @NotNull CaseSource source,
      @Schema(example = "群众举报某药店销售三无口罩") @NotBlank @Size(max = 4000) String summary,
      @Schema(example = "2020-02-01T10:00:00+08:00", maxLength = CaseView.TIME_LENGTH) @NotNull
          OffsetDateTime reportedAt,
      @Schema(description = "town: gazetteer code or a name of it", example = "孝泉镇")
          @NotBlank
          @Size(max = 100)
          String town,
      @Schema(example = "孝泉镇民主村3组12号") @Size(max = 500) String address,
      @Schema(
              description = "lead unit: a unit personnel-service registered (else 422)",
              maxLength = CaseView.UUID_LENGTH)
          @NotNull
          UUID leadUnitId,
      @Schema(example = "[\"市场监督管理局\"]") @Size(max = 20)
          List<@NotBlank @Size(max = 200) String> partnerAgencies,
      @Schema(description = "officers to assign: known, active, not SICK/INJURED/ON_LEAVE")
          @Size(max = 50)
          List<@NotNull UUID> officers,
      @Size(max = 200) List<@Valid @NotNull PartyRequest> parties,
      @Valid Impact impact) {}

  @Schema(description = "A case's description (not its number, source, status or officers)")
  public record CaseDescription(
      @NotNull CaseKind kind,
      @NotBlank @Size(max = 4000) String summary,
      @NotNull OffsetDateTime reportedAt,
      @Schema(description = "town: gazetteer code or a name of it", example = "孝泉镇")
          @NotBlank
          @Size(max = 100)
          String town,
      @Size(max = 500) String address,
      @NotNull UUID leadUnitId,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> partnerAgencies,
      @Size(max = 200) List<@Valid @NotNull PartyRequest> parties,
      @Valid Impact impact) {}

  @Schema(description = "A status change")
  public record StatusChange(
      @Schema(example = "ACCEPTED") @NotNull CaseStatus status,
      @Schema(description = "required for CRIMINAL_CASE_FILED", example = "刑法第三百三十条 妨害传染病防治罪")
          @Size(max = 500)
          String legalBasis,
      @Schema(example = "经法制教育和协商，工厂复工") @Size(max = 2000) String note) {}

  @Schema(description = "An officer to put on the case")
  public record OfficerAssignment(
      @Schema(description = "the officer's person id", maxLength = CaseView.UUID_LENGTH) @NotNull
          UUID personId) {}

  @Schema(description = "Goods seized")
  public record SeizureRequest(
      @Schema(example = "三无口罩") @NotBlank @Size(max = 200) String item,
      @Schema(example = "7000")
          @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @DecimalMax("1000000000")
          @Digits(integer = 10, fraction = 3)
          BigDecimal quantity,
      @Schema(example = "只") @NotBlank @Size(max = 20) String unit,
      @Schema(example = "HELD") @NotNull CustodyStatus custodyStatus) {}

  @Schema(description = "An action to add to the timeline")
  public record ActionRequest(
      @Schema(example = "会同网安大队查获造谣者二人") @NotBlank @Size(max = 4000) String text,
      @Schema(description = "when it was done; now if absent", maxLength = CaseView.TIME_LENGTH)
          OffsetDateTime at) {}

  @Schema(description = "A case")
  public record CaseView(
      UUID id,
      @Schema(example = "JY-2020-000001", maxLength = 14, pattern = "^JY-[0-9]{4}-[0-9]{6}$")
          String number,
      CaseKind kind,
      CaseSource source,
      CaseStatus status,
      @Schema(description = "statuses allowed from the current one", maxItems = 8)
          List<CaseStatus> allowedTransitions,
      @Schema(maxLength = 4000) String summary,
      OffsetDateTime reportedAt,
      @Schema(example = "510603-T10", maxLength = 20) String townCode,
      @Schema(example = "孝泉镇", maxLength = 100) String townName,
      @Schema(maxLength = 500) String address,
      UUID leadUnitId,
      @Schema(maxItems = 20) List<@Size(max = 200) String> partnerAgencies,
      @Schema(maxItems = CaseFile.MAX_OFFICERS) List<AssignedOfficer> officers,
      @Schema(description = "masked for roles without the need (AUDITOR)", maxItems = 200)
          List<Party> parties,
      @Schema(maxItems = CaseFile.MAX_SEIZURES) List<Seizure> seizures,
      Impact impact,
      @Schema(maxLength = 500) String legalBasis,
      @Schema(
              description = "the household-verification task that opened the case",
              maxLength = UUID_LENGTH)
          UUID linkedTaskId,
      @Schema(description = "the token subject who reported it", maxLength = SUBJECT_LENGTH)
          String reportedBy,
      @Schema(description = "what was done, oldest first", maxItems = CaseFile.MAX_TIMELINE)
          List<CaseAction> timeline,
      OffsetDateTime createdAt,
      OffsetDateTime closedAt,
      @Schema(
              description = "optimistic-lock version; the ETag is it in quotes",
              minimum = "0",
              maximum = "9223372036854775807")
          long version) {

    /** Characters of a UUID in text. */
    static final int UUID_LENGTH = 36;

    /** Characters of an RFC 3339 date-time with nanoseconds and an offset. */
    static final int TIME_LENGTH = 35;

    /** Characters of a token subject recorded as an author. */
    static final int SUBJECT_LENGTH = 256;

    /** The case as this caller sees it: parties and free text masked for roles that see them so. */
    static CaseView of(CaseFile c, PersonalDataViewer viewer) {
      CaseFile.Details d = c.details();
      return new CaseView(
          c.id(),
          c.number(),
          c.kind(),
          c.source(),
          c.status(),
          c.status().allowedNext(),
          viewer.text(d.summary()),
          d.reportedAt(),
          d.townCode(),
          d.townName(),
          viewer.text(d.address()),
          d.leadUnitId(),
          d.partnerAgencies(),
          c.officers(),
          d.parties().stream()
              .map(
                  p ->
                      new Party(
                          viewer.text(p.name()),
                          viewer.idNumber(p.idNumber()),
                          viewer.phone(p.phone()),
                          p.role()))
              .toList(),
          c.seizures(),
          d.impact(),
          c.legalBasis(),
          c.linkedTaskId(),
          c.reportedBy(),
          c.actions().stream()
              .map(a -> new CaseAction(a.at(), a.author(), a.kind(), viewer.text(a.text())))
              .toList(),
          c.createdAt(),
          c.closedAt(),
          c.version());
    }
  }
}
