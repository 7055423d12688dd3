package cn.gov.jingyang.ops.cases.personnel;

import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the person replica from personnel.events: who is known, active, and every dated duty
 * change (read by the contract's rule, whatever order they arrived in). The platform runs it in a
 * transaction that also records the event id, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class PersonnelEventHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(PersonnelEventHandler.class);

  private final EventCodec codec;
  private final PersonReplicaRepository people;
  private final DutyIntervals intervals;

  public PersonnelEventHandler(
      EventCodec codec, PersonReplicaRepository people, DutyIntervals intervals) {
    this.codec = codec;
    this.people = people;
    this.intervals = intervals;
  }

  @Override
  public String consumerName() {
    return "case-personnel-replica";
  }

  @Override
  public Set<String> topics() {
    return Set.of("personnel.events");
  }

  @Override
  public Set<String> eventNames() {
    return Set.of("PersonRegistered", "PersonUpdated", "DutyStatusChanged", "PersonDeactivated");
  }

  @Override
  public void handle(EventEnvelope event) {
    switch (event.eventName()) {
      case "PersonRegistered", "PersonUpdated" -> snapshot(event);
      case "DutyStatusChanged" -> dutyStatus(event);
      case "PersonDeactivated" -> deactivated(event);
      default -> LOG.debugf("ignoring %s", event.type());
    }
  }

  private void snapshot(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.PersonSnapshot.class);
    people
        .lockOrCreate(data.personId())
        .applySnapshot(
            data.version(),
            data.name(),
            data.category(),
            data.unitId(),
            data.dutyStatus(),
            data.active());
  }

  /**
   * Keeps the dated change (a change delivered or published again lands on its own row); none is
   * ignored for being older than another, as the contract requires.
   */
  private void dutyStatus(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.DutyStatusChanged.class);
    if (data.personId() == null || data.status() == null || data.effectiveFrom() == null) {
      throw new EventCodec.MalformedEventException(
          "DutyStatusChanged without personId, status or effectiveFrom");
    }
    if (data.until() != null && !data.until().isAfter(data.effectiveFrom())) {
      throw new EventCodec.MalformedEventException(
          "DutyStatusChanged with until not after effectiveFrom");
    }
    PersonReplica person = people.lockOrCreate(data.personId());
    intervals.record(data.personId(), data.status(), data.effectiveFrom(), data.until());
    person.dutyStatusChanged();
  }

  private void deactivated(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.PersonDeactivated.class);
    people.lockOrCreate(data.personId()).deactivate();
  }
}
