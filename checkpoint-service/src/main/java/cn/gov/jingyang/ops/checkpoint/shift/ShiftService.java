package cn.gov.jingyang.ops.checkpoint.shift;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonReplica;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonReplicaRepository;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
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
  private final Outbox outbox;

  public ShiftService(
      ShiftRepository shifts,
      CheckpointRepository checkpoints,
      PersonReplicaRepository people,
      Outbox outbox) {
    this.shifts = shifts;
    this.checkpoints = checkpoints;
    this.people = people;
    this.outbox = outbox;
  }

  @Transactional
  public Shift schedule(ShiftApi.ShiftRequest request) {
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
      requireSchedulable(replicas.get(personId), personId, "members[" + i + "].personId");
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
  public Shift reinforce(UUID shiftId, long expectedVersion, ShiftApi.MemberRequest request) {
    UUID personId = request.personId();
    shifts.lockPeople(List.of(personId));
    PersonReplica person = people.findShareLocked(personId).orElse(null);
    Shift shift = shifts.requireLocked(shiftId);
    requireVersion(shift, expectedVersion);
    shift.requireNotStarted("reinforced");
    requireSchedulable(person, personId, "personId");
    if (!shift.hasMember(personId)) { // a member twice is refused by the shift itself
      requireNoOverlap(List.of(personId), shift.startsAt(), shift.endsAt());
    }
    shift.reinforce(personId, request.role());
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

  private static void requireSchedulable(PersonReplica person, UUID personId, String field) {
    if (person == null || person.name() == null) {
      throw ProblemException.unprocessable(
          field, "person " + personId + " is not known to personnel-service");
    }
    if (!person.isSchedulable()) {
      throw ProblemException.unprocessable(
          field,
          "person "
              + personId
              + " is "
              + (person.active() ? person.dutyStatus() : "inactive")
              + "; only AVAILABLE people can be put on a shift");
    }
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
