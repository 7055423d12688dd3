package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.personnel.person.PersonCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the party endpoints. */
public final class PartyApi {

  private PartyApi() {}

  @Schema(description = "A new party branch")
  public record EstablishBranch(
      @Schema(description = "Name", example = "成綿高速黃許出口卡點臨時黨支部") @NotBlank @Size(max = 200)
          String name,
      @Schema(description = "REGULAR or TEMPORARY", example = "TEMPORARY") @NotNull BranchKind kind,
      @Schema(description = "Unit the branch belongs to (required for REGULAR)") UUID unitId,
      @Schema(
              description = "Checkpoint of a TEMPORARY branch",
              example = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a")
          UUID checkpointId,
      @Schema(description = "Party secretary (a person)") UUID secretaryId,
      @Schema(description = "Date the flag was presented (授旗)", example = "2020-02-02")
          LocalDate flagPresentedOn,
      @Schema(description = "Date established", example = "2020-02-01") @NotNull
          LocalDate establishedOn) {}

  @Schema(description = "Why a branch is dissolved")
  public record Dissolve(
      @Schema(description = "Reason", example = "checkpoint closed") @NotBlank @Size(max = 500)
          String reason) {}

  @Schema(description = "A person joining a branch")
  public record AddMember(
      @Schema(description = "Person (police, other departments' party members, volunteers)")
          @NotNull
          UUID personId,
      @Schema(description = "Member of the branch's vanguard team (先鋒隊)", example = "true")
          boolean vanguard,
      @Schema(description = "Date joined; today if absent", example = "2020-02-02")
          LocalDate joinedOn) {}

  @Schema(description = "A person's party status")
  public record ChangePartyStatus(
      @Schema(description = "New status", example = "APPLICANT") @NotNull PartyStatus status,
      @Schema(
              description =
                  "Since when; for APPLICANT the date the written application was submitted",
              example = "2020-02-05")
          @NotNull
          LocalDate since,
      @Schema(description = "Branch the application was submitted to (optional)") UUID branchId) {}

  @Schema(description = "A party branch")
  public record BranchView(
      @Schema(description = "Branch id") UUID id,
      @Schema(description = "Name", maxLength = 200) String name,
      @Schema(description = "Kind", example = "TEMPORARY") BranchKind kind,
      @Schema(description = "Unit") UUID unitId,
      @Schema(description = "Checkpoint (temporary branches)") UUID checkpointId,
      @Schema(description = "Secretary") UUID secretaryId,
      @Schema(description = "Flag presented on", example = "2020-02-02") LocalDate flagPresentedOn,
      @Schema(description = "Established on", example = "2020-02-01") LocalDate establishedOn,
      @Schema(description = "When dissolved, null while active") OffsetDateTime dissolvedAt,
      @Schema(description = "Number of members", example = "12") long memberCount,
      @Schema(description = "Number of vanguard-team members", example = "5") long vanguardCount) {}

  @Schema(description = "A member of a branch")
  public record MemberView(
      @Schema(description = "Person id") UUID personId,
      @Schema(description = "Name", example = "李強", maxLength = 100) String name,
      @Schema(description = "Category", example = "VOLUNTEER") PersonCategory category,
      @Schema(description = "Unit") UUID unitId,
      @Schema(description = "Party status", example = "MEMBER") PartyStatus partyStatus,
      @Schema(description = "In the vanguard team", example = "true") boolean vanguard,
      @Schema(description = "Joined on", example = "2020-02-02") LocalDate joinedOn) {}

  @Schema(description = "A person's party status")
  public record PartyStatusView(
      @Schema(description = "Person id") UUID personId,
      @Schema(description = "Status", example = "APPLICANT") PartyStatus status,
      @Schema(description = "Since (for APPLICANT: application date)", example = "2020-02-05")
          LocalDate since,
      @Schema(
              description =
                  "Version of the party file; in quotes it is the ETag that If-Match of a change"
                      + " names",
              example = "0")
          long version) {}

  @Schema(description = "A written application to join the party")
  public record ApplicationView(
      @Schema(description = "Application id") UUID id,
      @Schema(description = "Person") UUID personId,
      @Schema(description = "Name", example = "王敏", maxLength = 100) String name,
      @Schema(description = "Submitted on", example = "2020-02-05") LocalDate submittedOn,
      @Schema(description = "Branch submitted to") UUID branchId) {}
}
