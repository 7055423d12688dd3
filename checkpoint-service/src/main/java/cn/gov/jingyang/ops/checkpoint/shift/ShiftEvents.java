package cn.gov.jingyang.ops.checkpoint.shift;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shift events, exactly as contracts/events/checkpoint/Shift*.schema.json define them. */
public final class ShiftEvents {

  private ShiftEvents() {}

  /** A Shift event: the Shift is its aggregate, shiftId its key. */
  public interface ShiftEvent extends DomainEvent {
    UUID shiftId();

    @Override
    default String aggregateType() {
      return "Shift";
    }

    @Override
    default String aggregateId() {
      return shiftId().toString();
    }
  }

  public record Member(
      UUID personId,
      ShiftRole role,
      @JsonInclude(JsonInclude.Include.NON_NULL) MemberOverride override) {
    static List<Member> of(Shift shift) {
      return shift.members().stream()
          .map(m -> new Member(m.personId(), m.role(), MemberOverride.of(m)))
          .toList();
    }
  }

  /**
   * COMMAND put a person who should rest on the shift: {@code cause} FATIGUE_ALERT (an open
   * FatigueAlert) or RESTING, the reason given and who gave it.
   */
  public record MemberOverride(
      @Schema(
              description = "FATIGUE_ALERT or RESTING",
              enumeration = {"FATIGUE_ALERT", "RESTING"},
              maxLength = 13)
          String cause,
      @Schema(description = "COMMAND's reason", maxLength = 500) String reason,
      @Schema(description = "who overrode (a token subject)", maxLength = 128) String by) {
    static MemberOverride of(ShiftMember m) {
      return m.overrideReason() == null
          ? null
          : new MemberOverride(m.overrideCause(), m.overrideReason(), m.overriddenBy());
    }
  }

  public record ShiftScheduled(
      UUID shiftId,
      UUID checkpointId,
      String checkpointCode,
      OffsetDateTime start,
      OffsetDateTime end,
      List<Member> members)
      implements ShiftEvent {}

  /** start is the actual start, end the planned end. */
  public record ShiftStarted(
      UUID shiftId,
      UUID checkpointId,
      String checkpointCode,
      OffsetDateTime start,
      OffsetDateTime end,
      List<Member> members)
      implements ShiftEvent {}

  /** start and end are the actual times. */
  public record ShiftEnded(
      UUID shiftId,
      UUID checkpointId,
      String checkpointCode,
      OffsetDateTime start,
      OffsetDateTime end,
      List<Member> members)
      implements ShiftEvent {}

  public record ShiftUnderstaffed(
      UUID shiftId,
      UUID checkpointId,
      String checkpointCode,
      OffsetDateTime start,
      OffsetDateTime end,
      List<Member> members,
      UUID removedPersonId,
      String reason)
      implements ShiftEvent {}

  /** A person was added to a not-yet-started shift; members include them. */
  public record ShiftReinforced(
      UUID shiftId,
      UUID checkpointId,
      String checkpointCode,
      OffsetDateTime start,
      OffsetDateTime end,
      List<Member> members,
      UUID addedPersonId,
      ShiftRole role)
      implements ShiftEvent {}

  /** A shift was cancelled before it started; start and end are the planned times. */
  public record ShiftCancelled(
      UUID shiftId,
      UUID checkpointId,
      String checkpointCode,
      OffsetDateTime start,
      OffsetDateTime end,
      List<Member> members,
      String reason)
      implements ShiftEvent {}
}
