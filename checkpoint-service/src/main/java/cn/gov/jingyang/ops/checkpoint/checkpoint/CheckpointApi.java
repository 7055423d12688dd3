package cn.gov.jingyang.ops.checkpoint.checkpoint;

import cn.gov.jingyang.ops.checkpoint.personnel.PersonReferences;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the checkpoint endpoints. */
public final class CheckpointApi {

  private CheckpointApi() {}

  @Schema(description = "A new or changed checkpoint")
  public record CheckpointRequest(
      @Schema(description = "unique code", example = "CP-HX-01") @NotBlank @Size(max = 40)
          String code,
      @Schema(description = "name", example = "成绵高速黄许出口卡点") @NotBlank @Size(max = 200) String name,
      @Schema(description = "road", example = "成绵高速公路") @NotBlank @Size(max = 200) String road,
      @Schema(description = "place on the road", example = "黄许出口") @Size(max = 200) String place,
      @Schema(description = "latitude, WGS84", example = "31.2145")
          @DecimalMin("-90")
          @DecimalMax("90")
          BigDecimal latitude,
      @Schema(description = "longitude, WGS84", example = "104.3912")
          @DecimalMin("-180")
          @DecimalMax("180")
          BigDecimal longitude,
      @Schema(description = "town", example = "黄许镇") @NotBlank @Size(max = 100) String town,
      @Schema(description = "kind") @NotNull CheckpointKind kind,
      @Schema(description = "day the checkpoint was set up", example = "2020-01-26", maxLength = 10)
          LocalDate setUpOn,
      @Schema(description = "lead agency", example = "旌阳公安分局") @NotBlank @Size(max = 200)
          String leadAgency,
      @Schema(description = "participating agencies", example = "[\"交警大队\", \"卫健局\"]")
          @Size(max = 30)
          List<@NotBlank @Size(max = 200) String> participatingAgencies,
      @Schema(
              description =
                  "personnel id of the supervising leader (this bureau; known and active in"
                      + " personnel-service); absent for a leader of another agency or none",
              maxLength = 36)
          UUID supervisingLeaderId,
      @Schema(
              description = "name of a supervising leader of another agency (without the id)",
              example = "副局长 李明")
          @Size(max = 100)
          String supervisingLeaderName,
      @Schema(description = "that leader's agency (without the id)", example = "旌阳区卫生健康局")
          @Size(max = 100)
          String supervisingLeaderAgency,
      @Schema(
              description =
                  "id of the unit of this bureau that runs the checkpoint (a personnel-service unit;"
                      + " the claim unit of its officers' tokens): checkpoint officers of that unit"
                      + " record inspections here; absent if no unit runs it",
              maxLength = 36)
          UUID unitId) {

    Checkpoint.Details details(PersonReferences.Reference supervisingLeader) {
      return new Checkpoint.Details(
          name,
          road,
          place,
          latitude,
          longitude,
          town,
          kind,
          setUpOn,
          leadAgency,
          participatingAgencies == null ? List.of() : participatingAgencies,
          supervisingLeader,
          unitId);
    }
  }

  @Schema(description = "A status change")
  public record StatusChange(
      @Schema(description = "the new status", example = "ACTIVE") @NotNull CheckpointStatus status,
      @Schema(
              description = "when it took effect; now if absent",
              example = "2020-01-28T08:00:00+08:00",
              maxLength = 35)
          OffsetDateTime at,
      @Schema(description = "why", example = "police took the lead") @Size(max = 500)
          String reason) {}

  @Schema(description = "A checkpoint")
  public record CheckpointView(
      @Schema(description = "id", maxLength = 36) UUID id,
      @Schema(example = "CP-HX-01", maxLength = 40) String code,
      @Schema(maxLength = 200) String name,
      @Schema(maxLength = 200) String road,
      @Schema(maxLength = 200) String place,
      BigDecimal latitude,
      BigDecimal longitude,
      @Schema(maxLength = 100) String town,
      CheckpointKind kind,
      @Schema(example = "ACTIVE") CheckpointStatus status,
      @Schema(description = "transitions allowed from the current status", maxItems = 4)
          List<CheckpointStatus> allowedTransitions,
      LocalDate setUpOn,
      OffsetDateTime activatedAt,
      OffsetDateTime suspendedAt,
      OffsetDateTime closedAt,
      @Schema(maxLength = 200) String leadAgency,
      @Schema(maxItems = 30) List<@Size(max = 200) String> participatingAgencies,
      @Schema(description = "the supervising leader's display name", maxLength = 100)
          String supervisingLeader,
      @Schema(
              description = "the supervising leader's personnel id; null for another agency's",
              maxLength = 36)
          UUID supervisingLeaderId,
      @Schema(
              description = "the supervising leader's agency when not of this bureau",
              maxLength = 100)
          String supervisingLeaderAgency,
      @Schema(
              description =
                  "the unit that runs it; its checkpoint officers record inspections here",
              maxLength = 36)
          UUID unitId,
      @Schema(
              description = "optimistic-lock version",
              minimum = "0",
              maximum = "9223372036854775807")
          long version) {

    public static CheckpointView of(Checkpoint c) {
      return new CheckpointView(
          c.id(),
          c.code(),
          c.name(),
          c.road(),
          c.place(),
          c.latitude(),
          c.longitude(),
          c.town(),
          c.kind(),
          c.status(),
          c.status().allowedNext(),
          c.setUpOn(),
          c.activatedAt(),
          c.suspendedAt(),
          c.closedAt(),
          c.leadAgency(),
          c.participatingAgencies(),
          c.supervisingLeader(),
          c.supervisingLeaderId(),
          c.supervisingLeaderAgency(),
          c.unitId(),
          c.version());
    }
  }

  @Schema(
      description =
          "One window of a checkpoint's history: a status (ACTIVE, SUSPENDED, CLOSED) or a lead"
              + " agency, from a time until the next entry of its kind (to is absent while current)")
  public record HistoryEntryView(
      @Schema(description = "STATUS or LEAD_AGENCY", example = "STATUS")
          CheckpointHistoryEntry.Kind kind,
      @Schema(description = "the status in this window (STATUS entries)", example = "SUSPENDED")
          CheckpointStatus status,
      @Schema(
              description = "the lead agency (LEAD_AGENCY entries)",
              example = "旌阳公安分局",
              maxLength = 200)
          String leadAgency,
      @Schema(
              description = "start of the window",
              example = "2020-01-28T08:00:00+08:00",
              maxLength = 35)
          OffsetDateTime from,
      @Schema(description = "end of the window; absent while current", maxLength = 35)
          OffsetDateTime to,
      @Schema(
              description = "why (status changes)",
              example = "police took the lead",
              maxLength = 500)
          String reason,
      @Schema(
              description =
                  "who made the change (a token subject); absent for the initial lead agency",
              maxLength = 128)
          String changedBy) {

    public static HistoryEntryView of(CheckpointHistoryEntry e) {
      return new HistoryEntryView(
          e.kind(),
          e.status(),
          e.leadAgency(),
          e.validFrom(),
          e.validTo(),
          e.reason(),
          e.changedBy());
    }
  }
}
