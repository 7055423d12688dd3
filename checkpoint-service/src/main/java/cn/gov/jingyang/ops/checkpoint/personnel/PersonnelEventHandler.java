package cn.gov.jingyang.ops.checkpoint.personnel;

import cn.gov.jingyang.ops.checkpoint.shift.ShiftStaffing;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the personnel replica from personnel.events (people, duty status, open fatigue alerts) and
 * takes people who fall SICK, INJURED, ON_LEAVE or leave the force off their future shifts. The
 * platform runs it in a transaction that also records the event id, so a redelivered event changes
 * nothing.
 */
@ApplicationScoped
public class PersonnelEventHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(PersonnelEventHandler.class);

  private final EventCodec codec;
  private final PersonReplicaRepository people;
  private final ShiftStaffing staffing;

  public PersonnelEventHandler(
      EventCodec codec, PersonReplicaRepository people, ShiftStaffing staffing) {
    this.codec = codec;
    this.people = people;
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
    var data = codec.data(event, PersonnelEvents.PersonSnapshot.class);
    PersonReplica person = people.lockOrCreate(data.personId());
    boolean applied =
        person.applySnapshot(
            data.version(),
            data.name(),
            data.category(),
            data.unitId(),
            data.dutyStatus(),
            data.active());
    if (applied && person.isOffShifts()) {
      staffing.takeOffFutureShifts(person.personId(), reason(person), event.time());
    }
  }

  private void dutyStatus(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.DutyStatusChanged.class);
    PersonReplica person = people.lockOrCreate(data.personId());
    if (person.applyDutyStatus(data.status(), data.effectiveFrom()) && person.isOffShifts()) {
      staffing.takeOffFutureShifts(person.personId(), reason(person), data.effectiveFrom());
    }
  }

  private void deactivated(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.PersonDeactivated.class);
    PersonReplica person = people.lockOrCreate(data.personId());
    person.deactivate();
    staffing.takeOffFutureShifts(
        person.personId(), "person deactivated: " + data.reason(), data.deactivatedAt());
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

  private static String reason(PersonReplica person) {
    return person.active() ? "person is " + person.dutyStatus() : "person is no longer active";
  }
}
