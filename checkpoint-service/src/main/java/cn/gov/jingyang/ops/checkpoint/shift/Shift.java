package cn.gov.jingyang.ops.checkpoint.shift;

import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A shift (值守班次) at a checkpoint: planned start and end, members with roles. */
@Entity
@Table(name = "shift")
public class Shift {

  @Id private UUID id;

  @Column(name = "checkpoint_id")
  private UUID checkpointId;

  @Column(name = "starts_at")
  private OffsetDateTime startsAt;

  @Column(name = "ends_at")
  private OffsetDateTime endsAt;

  @Enumerated(EnumType.STRING)
  private ShiftStatus status;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "ended_at")
  private OffsetDateTime endedAt;

  @Column(name = "cancelled_at")
  private OffsetDateTime cancelledAt;

  @Column(name = "cancellation_reason")
  private String cancellationReason;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "shift_member", joinColumns = @JoinColumn(name = "shift_id"))
  private List<ShiftMember> members = new ArrayList<>();

  @Version private long version;

  /** Most people on one shift, reinforcements included (50 when scheduled, then reinforced). */
  public static final int MAX_MEMBERS = 100;

  protected Shift() {}

  /** A new shift; the caller has checked members exist, are available and free at that time. */
  public static Shift schedule(
      UUID checkpointId, OffsetDateTime start, OffsetDateTime end, List<ShiftMember> members) {
    if (!end.isAfter(start)) {
      throw ProblemException.unprocessable("end", "must be after start");
    }
    if (members.stream().filter(m -> m.role() == ShiftRole.LEAD).count() != 1) {
      throw ProblemException.unprocessable("members", "a shift needs exactly one LEAD");
    }
    if (members.stream().map(ShiftMember::personId).distinct().count() != members.size()) {
      throw ProblemException.unprocessable("members", "a person may appear only once in a shift");
    }
    Shift s = new Shift();
    s.id = UUID.randomUUID();
    s.checkpointId = checkpointId;
    s.startsAt = start;
    s.endsAt = end;
    s.status = ShiftStatus.SCHEDULED;
    s.createdAt = OffsetDateTime.now();
    s.members = new ArrayList<>(members);
    return s;
  }

  public void start(OffsetDateTime at) {
    move(ShiftStatus.STARTED);
    if (lead().isEmpty()) {
      throw ProblemException.conflict(
          "shift-without-lead", "shift " + id + " has no LEAD; it cannot start");
    }
    startedAt = at;
  }

  public void end(OffsetDateTime at) {
    move(ShiftStatus.ENDED);
    if (!at.isAfter(startedAt)) {
      throw ProblemException.unprocessable(
          "at", "a shift cannot end before it started (" + startedAt + ")");
    }
    endedAt = at;
  }

  /**
   * Takes a person off this not-yet-started shift; it is UNDERSTAFFED afterwards. False if not a
   * member.
   */
  public boolean remove(UUID personId) {
    if (!status.notYetStarted() || !hasMember(personId)) {
      return false;
    }
    members.removeIf(m -> m.personId().equals(personId));
    status = ShiftStatus.UNDERSTAFFED;
    return true;
  }

  /**
   * Adds a person to this not-yet-started shift; the caller has checked they exist, are available
   * and free at that time. SCHEDULED afterwards if the shift has a LEAD, else still UNDERSTAFFED.
   */
  public void reinforce(UUID personId, ShiftRole role) {
    reinforce(new ShiftMember(personId, role));
  }

  /** As {@link #reinforce(UUID, ShiftRole)}, keeping what the member carries (an override). */
  void reinforce(ShiftMember member) {
    UUID personId = member.personId();
    ShiftRole role = member.role();
    requireNotStarted("reinforced");
    if (hasMember(personId)) {
      throw ProblemException.conflict(
          "already-on-shift", "person " + personId + " is already on shift " + id);
    }
    if (members.size() >= MAX_MEMBERS) {
      throw ProblemException.conflict(
          "shift-full",
          "shift " + id + " already has " + MAX_MEMBERS + " people, the most a shift holds");
    }
    if (role == ShiftRole.LEAD && lead().isPresent()) {
      throw ProblemException.conflict(
          "shift-has-lead",
          "shift "
              + id
              + " already has a LEAD ("
              + lead().get().personId()
              + "); add the person as MEMBER");
    }
    members.add(member);
    status = lead().isPresent() ? ShiftStatus.SCHEDULED : ShiftStatus.UNDERSTAFFED;
  }

  /** Records COMMAND's override on a member scheduled although they should rest. */
  void override(UUID personId, String cause, String reason, String by) {
    members.replaceAll(m -> m.personId().equals(personId) ? m.overridden(cause, reason, by) : m);
  }

  /** 409 naming the status unless this shift has not started yet (SCHEDULED or UNDERSTAFFED). */
  public void requireNotStarted(String toBe) {
    if (!status.notYetStarted()) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "shift-not-upcoming",
                  "Conflict",
                  "shift "
                      + id
                      + " is "
                      + status
                      + "; only a shift that has not started (SCHEDULED or UNDERSTAFFED) can be "
                      + toBe)
              .with("status", status));
    }
  }

  public boolean hasMember(UUID personId) {
    return members.stream().anyMatch(m -> m.personId().equals(personId));
  }

  /** Cancels this not-yet-started shift; it no longer holds its members and cannot start. */
  public void cancel(String reason, OffsetDateTime at) {
    requireNotStarted("cancelled");
    move(ShiftStatus.CANCELLED);
    cancelledAt = at;
    cancellationReason = reason.trim();
  }

  private void move(ShiftStatus next) {
    if (!status.allowedNext().contains(next)) {
      throw ProblemException.illegalTransition(status, next, status.allowedNext());
    }
    status = next;
  }

  public java.util.Optional<ShiftMember> lead() {
    return members.stream().filter(m -> m.role() == ShiftRole.LEAD).findFirst();
  }

  public UUID id() {
    return id;
  }

  public UUID checkpointId() {
    return checkpointId;
  }

  public OffsetDateTime startsAt() {
    return startsAt;
  }

  public OffsetDateTime endsAt() {
    return endsAt;
  }

  public ShiftStatus status() {
    return status;
  }

  public OffsetDateTime startedAt() {
    return startedAt;
  }

  public OffsetDateTime endedAt() {
    return endedAt;
  }

  public OffsetDateTime cancelledAt() {
    return cancelledAt;
  }

  public String cancellationReason() {
    return cancellationReason;
  }

  public List<ShiftMember> members() {
    return List.copyOf(members);
  }

  public long version() {
    return version;
  }
}
