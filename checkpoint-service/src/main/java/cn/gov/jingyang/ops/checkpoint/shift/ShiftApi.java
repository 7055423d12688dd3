package cn.gov.jingyang.ops.checkpoint.shift;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ShiftApi {

  private ShiftApi() {}

  @Schema(
      description =
          "COMMAND schedules a person who should rest (open fatigue alert, or RESTING) anyway; the"
              + " reason is recorded on the member and in the shift's events")
  public record SchedulingOverride(
      @Schema(description = "why", example = "only officer with the 省級戰訓教官 qualification")
          @NotBlank
          @Size(max = 500)
          String reason) {}

  @Schema(description = "A member of a shift")
  public record MemberRequest(
      @Schema(description = "person (known from personnel-service)", maxLength = 36) @NotNull
          UUID personId,
      @Schema(description = "LEAD or MEMBER", example = "LEAD") @NotNull ShiftRole role,
      @Schema(
              description =
                  "only for a person with an open fatigue alert or RESTING (otherwise 422);"
                      + " COMMAND only; ignored for a person who needs none")
          @Valid
          SchedulingOverride override) {

    public MemberRequest(UUID personId, ShiftRole role) {
      this(personId, role, null);
    }
  }

  @Schema(description = "A shift to schedule")
  public record ShiftRequest(
      @Schema(description = "checkpoint", maxLength = 36) @NotNull UUID checkpointId,
      @Schema(description = "planned start", example = "2020-02-03T08:00:00+08:00", maxLength = 35)
          @NotNull
          OffsetDateTime start,
      @Schema(description = "planned end", example = "2020-02-03T20:00:00+08:00", maxLength = 35)
          @NotNull
          OffsetDateTime end,
      @Schema(description = "members; exactly one LEAD") @NotEmpty @Size(max = 50)
          List<@Valid @NotNull MemberRequest> members) {}

  @Schema(description = "When a shift actually started or ended")
  public record ShiftMoment(
      @Schema(
              description = "the time; now if absent",
              example = "2020-02-03T08:05:00+08:00",
              maxLength = 35)
          OffsetDateTime at) {}

  @Schema(description = "Why a shift is cancelled")
  public record Cancellation(
      @Schema(description = "reason", example = "checkpoint merged with CP-HX-02")
          @NotBlank
          @Size(max = 500)
          String reason) {}

  public record MemberView(
      UUID personId,
      ShiftRole role,
      @Schema(description = "present when COMMAND scheduled a person who should rest")
          ShiftEvents.MemberOverride override) {
    static MemberView of(ShiftMember m) {
      return new MemberView(m.personId(), m.role(), ShiftEvents.MemberOverride.of(m));
    }
  }

  @Schema(description = "A shift")
  public record ShiftView(
      UUID id,
      UUID checkpointId,
      OffsetDateTime start,
      OffsetDateTime end,
      @Schema(example = "SCHEDULED") ShiftStatus status,
      OffsetDateTime startedAt,
      OffsetDateTime endedAt,
      @Schema(description = "when it was cancelled (CANCELLED only)", maxLength = 35)
          OffsetDateTime cancelledAt,
      @Schema(description = "why it was cancelled (CANCELLED only)", maxLength = 500)
          String cancellationReason,
      @Schema(maxItems = Shift.MAX_MEMBERS) List<MemberView> members,
      @Schema(
              description =
                  "Version; in quotes it is the ETag that If-Match of a reinforcement or"
                      + " cancellation names",
              example = "0",
              minimum = "0",
              maximum = "9223372036854775807")
          long version) {
    public static ShiftView of(Shift s) {
      return new ShiftView(
          s.id(),
          s.checkpointId(),
          s.startsAt(),
          s.endsAt(),
          s.status(),
          s.startedAt(),
          s.endedAt(),
          s.cancelledAt(),
          s.cancellationReason(),
          s.members().stream().map(MemberView::of).toList(),
          s.version());
    }
  }
}
