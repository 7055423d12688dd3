package cn.gov.jingyang.ops.checkpoint.shift;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.checkpoint.personnel.DutyIntervals;
import cn.gov.jingyang.ops.checkpoint.personnel.DutyStatus;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonReplica;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonReplicaRepository;
import cn.gov.jingyang.ops.platform.events.DatedChanges;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Schedules, reinforces, cancels, starts and ends shifts, enforcing who may serve and when. */
@ApplicationScoped
public class ShiftService {

  private final ShiftRepository shifts;
  private final CheckpointRepository checkpoints;
  private final PersonReplicaRepository people;
  private final DutyIntervals duty;
  private final ShiftTimes times;
  private final Outbox outbox;

  public ShiftService(
      ShiftRepository shifts,
      CheckpointRepository checkpoints,
      PersonReplicaRepository people,
      DutyIntervals duty,
      ShiftTimes times,
      Outbox outbox) {
    this.shifts = shifts;
    this.checkpoints = checkpoints;
    this.people = people;
    this.duty = duty;
    this.times = times;
    this.outbox = outbox;
  }

  /** Who schedules: their name (recorded with an override) and whether they act as COMMAND. */
  public record Scheduler(String name, boolean command) {}

  @Transactional
  public Shift schedule(ShiftApi.ShiftRequest request, Scheduler by) {
    Checkpoint checkpoint = checkpoints.require(request.checkpointId());
    if (checkpoint.isClosed()) {
      throw ProblemException.conflict(
          "checkpoint-closed",
          "checkpoint " + checkpoint.code() + " is CLOSED; no shifts can be scheduled there");
    }
    List<ShiftMember> members =
        request.members().stream().map(m -> new ShiftMember(m.personId(), m.role())).toList();
    Shift shift = Shift.schedule(checkpoint.id(), request.start(), request.end(), members);
    List<UUID> personIds = members.stream().map(ShiftMember::personId).toList();
    // the same order as reinforcing: the people (advisory), then their replica rows (share locks,
    // by id), so a concurrent DutyStatusChanged either happened before (and is read here) or waits
    // for this shift and takes the person off it
    shifts.lockPeople(personIds);
    Map<UUID, PersonReplica> replicas = people.shareLockAll(personIds);
    for (int i = 0; i < personIds.size(); i++) {
      UUID personId = personIds.get(i);
      ShiftApi.MemberRequest member = request.members().get(i);
      String cause =
          admit(
              replicas.get(personId),
              personId,
              "members[" + i + "].personId",
              member,
              by,
              request.start(),
              request.end());
      if (cause != null) {
        shift.override(personId, cause, member.override().reason(), by.name());
      }
    }
    requireNoOverlap(personIds, request.start(), request.end());
    shifts.persist(shift);
    outbox.append(
        new ShiftEvents.ShiftScheduled(
            shift.id(),
            checkpoint.id(),
            checkpoint.code(),
            shift.startsAt(),
            shift.endsAt(),
            ShiftEvents.Member.of(shift)));
    return shift;
  }

  /**
   * Adds a person to a shift that has not started, if the shift is still at the version the caller
   * read (412 otherwise). Locks the person (as scheduling does), then their replica row (as a
   * duty-status change does), then the shift, always in that order; the version is compared with
   * the shift locked, so of two writers of one version exactly one succeeds.
   */
  @Transactional
  public Shift reinforce(
      UUID shiftId, long expectedVersion, ShiftApi.MemberRequest request, Scheduler by) {
    UUID personId = request.personId();
    shifts.lockPeople(List.of(personId));
    PersonReplica person = people.findShareLocked(personId).orElse(null);
    Shift shift = shifts.requireLocked(shiftId);
    requireVersion(shift, expectedVersion);
    shift.requireNotStarted("reinforced");
    String cause =
        admit(person, personId, "personId", request, by, shift.startsAt(), shift.endsAt());
    if (!shift.hasMember(personId)) { // a member twice is refused by the shift itself
      requireNoOverlap(List.of(personId), shift.startsAt(), shift.endsAt());
    }
    ShiftMember added = new ShiftMember(personId, request.role());
    shift.reinforce(
        cause == null ? added : added.overridden(cause, request.override().reason(), by.name()));
    String code = checkpoints.require(shift.checkpointId()).code();
    outbox.append(
        new ShiftEvents.ShiftReinforced(
            shift.id(),
            shift.checkpointId(),
            code,
            shift.startsAt(),
            shift.endsAt(),
            ShiftEvents.Member.of(shift),
            personId,
            request.role()));
    return shift;
  }

  /**
   * Cancels a shift that has not started, if it is still at the version the caller read (412
   * otherwise); its people are free again for that time.
   */
  @Transactional
  public Shift cancel(UUID shiftId, long expectedVersion, String reason) {
    Shift shift = shifts.requireLocked(shiftId);
    requireVersion(shift, expectedVersion);
    shift.cancel(reason, OffsetDateTime.now());
    String code = checkpoints.require(shift.checkpointId()).code();
    outbox.append(
        new ShiftEvents.ShiftCancelled(
            shift.id(),
            shift.checkpointId(),
            code,
            shift.startsAt(),
            shift.endsAt(),
            ShiftEvents.Member.of(shift),
            shift.cancellationReason()));
    return shift;
  }

  @Transactional
  public Shift start(UUID shiftId, OffsetDateTime at) {
    Shift shift = shifts.requireLocked(shiftId);
    OffsetDateTime when = at == null ? OffsetDateTime.now() : at;
    shift.start(when);
    times.requireSensibleStart(shift, when);
    String code = checkpoints.require(shift.checkpointId()).code();
    outbox.append(
        new ShiftEvents.ShiftStarted(
            shift.id(),
            shift.checkpointId(),
            code,
            when,
            shift.endsAt(),
            ShiftEvents.Member.of(shift)));
    return shift;
  }

  @Transactional
  public Shift end(UUID shiftId, OffsetDateTime at) {
    Shift shift = shifts.requireLocked(shiftId);
    OffsetDateTime when = at == null ? OffsetDateTime.now() : at;
    shift.end(when);
    String code = checkpoints.require(shift.checkpointId()).code();
    outbox.append(
        new ShiftEvents.ShiftEnded(
            shift.id(),
            shift.checkpointId(),
            code,
            shift.startedAt(),
            when,
            ShiftEvents.Member.of(shift)));
    return shift;
  }

  private static void requireVersion(Shift shift, long expectedVersion) {
    if (shift.version() != expectedVersion) {
      throw ProblemException.preconditionFailed(
          "shift "
              + shift.id()
              + " is at version "
              + shift.version()
              + ", not "
              + expectedVersion
              + "; read it again (GET /shifts/"
              + shift.id()
              + ")");
    }
  }

  /**
   * 422 naming {@code field} unless the person may be put on the shift: known, active and AVAILABLE
   * for the whole of [start, end) by the dated duty statuses (a shift inside planned leave is
   * refused, one before it is not). A person who should rest (RESTING in that time, or an open
   * fatigue alert) is admitted only with COMMAND's override and its reason; returns what was
   * overridden (FATIGUE_ALERT or RESTING), or null when nothing was. Call with the replica row
   * share-locked.
   */
  private String admit(
      PersonReplica person,
      UUID personId,
      String field,
      ShiftApi.MemberRequest m,
      Scheduler by,
      OffsetDateTime start,
      OffsetDateTime end) {
    if (person == null || person.name() == null) {
      throw ProblemException.unprocessable(
          field, "person " + personId + " is not known to personnel-service");
    }
    if (!person.active()) {
      throw ProblemException.unprocessable(
          field,
          "person " + personId + " is inactive; only AVAILABLE people can be put on a shift");
    }
    List<DatedChanges.Stretch<DutyStatus>> unavailable =
        duty.of(personId, person.snapshotStatus()).during(start, end).stream()
            .filter(s -> s.status() != DutyStatus.AVAILABLE)
            .toList();
    unavailable.stream()
        .filter(s -> s.status() != DutyStatus.RESTING)
        .findFirst()
        .ifPresent(
            s -> {
              throw ProblemException.unprocessable(
                  field,
                  "person "
                      + personId
                      + " is "
                      + s.status()
                      + (s.start().isAfter(start) ? " from " + s.start() : "")
                      + (s.end() == null ? "" : " until " + s.end())
                      + "; only AVAILABLE people can be put on a shift");
            });
    String cause =
        !unavailable.isEmpty()
            ? "RESTING"
            : person.fatigueAlertId() != null ? "FATIGUE_ALERT" : null;
    if (cause == null) {
      return null;
    }
    if (m.override() == null) {
      throw ProblemException.unprocessable(
          field,
          "person "
              + personId
              + " ("
              + person.name()
              + ") "
              + restDescription(person, cause)
              + "; only COMMAND can put them on a shift, with override.reason");
    }
    if (!by.command()) {
      throw new ProblemException(
          Problem.of(
              403,
              "override-forbidden",
              "Forbidden",
              "only COMMAND may schedule a person who should rest"));
    }
    return cause;
  }

  private static String restDescription(PersonReplica person, String cause) {
    return "RESTING".equals(cause)
        ? "is RESTING"
        : "has an open fatigue alert ("
            + person.fatigueAlertDays()
            + " consecutive duty days, raised "
            + person.fatigueAlertRaisedAt()
            + ")";
  }

  /** Call with the people locked ({@link ShiftRepository#lockPeople}). */
  private void requireNoOverlap(List<UUID> personIds, OffsetDateTime start, OffsetDateTime end) {
    List<Object[]> clashes = shifts.overlapping(personIds, start, end);
    if (!clashes.isEmpty()) {
      throw ProblemException.conflict(
          "shift-overlap",
          "person "
              + clashes.get(0)[0]
              + " is already on shift "
              + clashes.get(0)[1]
              + " at that time; nobody may be on two overlapping shifts");
    }
  }
}
