package cn.gov.jingyang.ops.checkpoint.personnel;

import cn.gov.jingyang.ops.checkpoint.shift.ShiftStaffing;
import cn.gov.jingyang.ops.platform.events.DatedChanges;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the personnel replica from personnel.events — duty statuses as dated intervals, open
 * fatigue alerts — and takes people off the future shifts that overlap a time they are SICK,
 * INJURED or ON_LEAVE, or all of them when they leave the force. The platform runs it in a
 * transaction that also records the event id, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class PersonnelEventHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(PersonnelEventHandler.class);

  private static final OffsetDateTime FOREVER = OffsetDateTime.parse("9999-12-31T00:00:00Z");

  private final EventCodec codec;
  private final PersonReplicaRepository people;
  private final DutyIntervals intervals;
  private final ShiftStaffing staffing;

  public PersonnelEventHandler(
      EventCodec codec,
      PersonReplicaRepository people,
      DutyIntervals intervals,
      ShiftStaffing staffing) {
    this.codec = codec;
    this.people = people;
    this.intervals = intervals;
    this.staffing = staffing;
  }

  @Override
  public String consumerName() {
    return "checkpoint-personnel-replica";
  }

  @Override
  public Set<String> topics() {
    return Set.of("personnel.events");
  }

  @Override
  public Set<String> eventNames() {
    return Set.of(
        "PersonRegistered",
        "PersonUpdated",
        "DutyStatusChanged",
        "PersonDeactivated",
        "FatigueAlertRaised",
        "FatigueAlertCleared");
  }

  @Override
  public void handle(EventEnvelope event) {
    switch (event.eventName()) {
      case "PersonRegistered", "PersonUpdated" -> snapshot(event);
      case "DutyStatusChanged" -> dutyStatus(event);
      case "PersonDeactivated" -> deactivated(event);
      case "FatigueAlertRaised" -> fatigueAlertRaised(event);
      case "FatigueAlertCleared" -> fatigueAlertCleared(event);
      default -> LOG.debugf("ignoring %s", event.type());
    }
  }

  private void snapshot(EventEnvelope event) {
    applySnapshot(codec.data(event, PersonnelEvents.PersonSnapshot.class));
  }

  /**
   * A person's state, from personnel.events or from the compacted state topic: applied only when
   * newer than the replica's version, then the shifts are reconciled with the dated statuses.
   */
  void applySnapshot(PersonnelEvents.PersonSnapshot data) {
    PersonReplica person = people.lockOrCreate(data.personId());
    boolean applied =
        person.applySnapshot(
            data.version(),
            data.name(),
            data.category(),
            data.unitId(),
            new DutyIntervals.SnapshotStatus(
                data.dutyStatus(), data.dutyStatusSince(), data.dutyStatusUntil()),
            data.active());
    if (applied) {
      reconcile(person);
    }
  }

  /**
   * Keeps the dated change (an event delivered again lands on the same interval), then takes the
   * person off the shifts that overlap a time they are SICK, INJURED or ON_LEAVE — whatever order
   * the changes arrived in, the result is the one personnel-service's time line gives.
   */
  private void dutyStatus(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.DutyStatusChanged.class);
    if (data.personId() == null || data.status() == null || data.effectiveFrom() == null) {
      throw new EventCodec.MalformedEventException(
          "DutyStatusChanged without personId, status or effectiveFrom");
    }
    PersonReplica person = people.lockOrCreate(data.personId());
    intervals.record(data.personId(), data.status(), data.effectiveFrom(), data.until());
    reconcile(person);
  }

  private void deactivated(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.PersonDeactivated.class);
    PersonReplica person = people.lockOrCreate(data.personId());
    person.deactivate();
    staffing.takeOffFutureShifts(
        person.personId(), "person deactivated: " + data.reason(), data.deactivatedAt());
  }

  /** Call with the person locked. */
  private void reconcile(PersonReplica person) {
    DatedChanges<DutyStatus> timeline = intervals.of(person.personId(), person.snapshotStatus());
    person.showDutyStatus(timeline, OffsetDateTime.now());
    if (!person.active()) {
      staffing.takeOffFutureShifts(person.personId(), "person is no longer active", null);
      return;
    }
    for (DatedChanges.Stretch<DutyStatus> off :
        timeline.during(OffsetDateTime.now(), FOREVER).stream()
            .filter(s -> s.status().takesOffShifts())
            .toList()) {
      staffing.takeOffShiftsDuring(
          person.personId(), off.start(), off.end(), "person is " + off.status() + during(off));
    }
  }

  private static String during(DatedChanges.Stretch<DutyStatus> s) {
    return " from " + s.start() + (s.end() == null ? "" : " until " + s.end());
  }

  private void fatigueAlertRaised(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.FatigueAlertRaised.class);
    people
        .lockOrCreate(data.personId())
        .fatigueAlertRaised(data.alertId(), data.consecutiveDutyDays(), data.raisedAt());
  }

  private void fatigueAlertCleared(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.FatigueAlertCleared.class);
    people.lockOrCreate(data.personId()).fatigueAlertCleared(data.alertId());
  }
}
