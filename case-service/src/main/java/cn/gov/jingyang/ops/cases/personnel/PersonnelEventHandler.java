package cn.gov.jingyang.ops.cases.personnel;

import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the person replica from personnel.events: who is known, active, and in which duty status
 * (from when). The platform runs it in a transaction that also records the event id, so a
 * redelivered event changes nothing.
 */
@ApplicationScoped
public class PersonnelEventHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(PersonnelEventHandler.class);

  private final EventCodec codec;
  private final PersonReplicaRepository people;

  public PersonnelEventHandler(EventCodec codec, PersonReplicaRepository people) {
    this.codec = codec;
    this.people = people;
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

  private void dutyStatus(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.DutyStatusChanged.class);
    people.lockOrCreate(data.personId()).applyDutyStatus(data.status(), data.effectiveFrom());
  }

  private void deactivated(EventEnvelope event) {
    var data = codec.data(event, PersonnelEvents.PersonDeactivated.class);
    people.lockOrCreate(data.personId()).deactivate();
  }
}
