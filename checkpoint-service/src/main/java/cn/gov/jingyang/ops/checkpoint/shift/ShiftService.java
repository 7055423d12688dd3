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
import java.util.UUID;

/** Schedules, starts and ends shifts, enforcing who may serve and when. */
@ApplicationScoped
public class ShiftService {

  private final ShiftRepository shifts;
  private final CheckpointRepository checkpoints;
  private final PersonReplicaRepository people;
  private final Outbox outbox;

  public ShiftService(
      ShiftRepository shifts, CheckpointRepository checkpoints, PersonReplicaRepository people, Outbox outbox) {
    this.shifts = shifts;
    this.checkpoints = checkpoints;
    this.people = people;
    this.outbox = outbox;
  }

  @Transactional
  public Shift schedule(ShiftApi.ShiftRequest request) {
    Checkpoint checkpoint = checkpoints.require(request.checkpointId());
    if (checkpoint.isClosed()) {
      throw ProblemException.conflict("checkpoint-closed", "checkpoint " + checkpoint.code() + " is CLOSED; no shifts can be scheduled there");
    }
    List<ShiftMember> members =
        request.members().stream().map(m -> new ShiftMember(m.personId(), m.role())).toList();
    Shift shift = Shift.schedule(checkpoint.id(), request.start(), request.end(), members);
    List<UUID> personIds = members.stream().map(ShiftMember::personId).toList();
    shifts.lockPeople(personIds);
    for (int i = 0; i < personIds.size(); i++) {
      UUID personId = personIds.get(i);
      PersonReplica person = people.findById(personId);
      String field = "members[" + i + "].personId";
      if (person == null || person.name() == null) {
        throw ProblemException.unprocessable(field, "person " + personId + " is not known to personnel-service");
      }
      if (!person.isSchedulable()) {
        throw ProblemException.unprocessable(
            field,
            "person " + personId + " is " + (person.active() ? person.dutyStatus() : "inactive")
                + "; only AVAILABLE people can be put on a shift");
      }
    }
    List<Object[]> clashes = shifts.overlapping(personIds, request.start(), request.end());
    if (!clashes.isEmpty()) {
      throw ProblemException.conflict(
          "shift-overlap",
          "person " + clashes.get(0)[0] + " is already on shift " + clashes.get(0)[1]
              + " at that time; nobody may be on two overlapping shifts");
    }
    shifts.persist(shift);
    outbox.append(
        new ShiftEvents.ShiftScheduled(
            shift.id(), checkpoint.id(), checkpoint.code(), shift.startsAt(), shift.endsAt(), ShiftEvents.Member.of(shift)));
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
            shift.id(), shift.checkpointId(), code, when, shift.endsAt(), ShiftEvents.Member.of(shift)));
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
            shift.id(), shift.checkpointId(), code, shift.startedAt(), when, ShiftEvents.Member.of(shift)));
    return shift;
  }
}
