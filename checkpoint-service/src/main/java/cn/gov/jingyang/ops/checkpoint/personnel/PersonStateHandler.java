package cn.gov.jingyang.ops.checkpoint.personnel;

import cn.gov.jingyang.ops.checkpoint.shift.ShiftStaffing;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Builds the person replica from personnel-service's compacted state topic {@value #TOPIC}, the
 * latest PersonSnapshot of every person. It reads the topic from the beginning at every start of
 * the service (and when restarted through {@code EventConsumers.restart}), so a replica that was
 * emptied or lost, or a service deployed long after the people were registered, is complete again.
 * A snapshot is applied only if its version is newer than the one applied (from this topic or from
 * PersonRegistered/PersonUpdated on personnel.events), so reading the topic again changes nothing
 * in a complete replica. A person a snapshot takes off duty or out of the force is taken off their
 * future shifts, as for the events.
 */
@ApplicationScoped
public class PersonStateHandler implements EventHandler {

  public static final String TOPIC = "personnel.people.state";
  public static final String CONSUMER = "checkpoint-people-state";

  private static final Logger LOG = Logger.getLogger(PersonStateHandler.class);

  private final EventCodec codec;
  private final PersonReplicaRepository people;
  private final ShiftStaffing staffing;

  public PersonStateHandler(
      EventCodec codec, PersonReplicaRepository people, ShiftStaffing staffing) {
    this.codec = codec;
    this.people = people;
    this.staffing = staffing;
  }

  @Override
  public String consumerName() {
    return CONSUMER;
  }

  @Override
  public Set<String> topics() {
    return Set.of(TOPIC);
  }

  @Override
  public boolean readsFromStart() {
    return true;
  }

  @Override
  public void handle(EventEnvelope event) {
    if (!"PersonSnapshot".equals(event.eventName())) {
      LOG.debugf("ignoring %s on %s", event.type(), TOPIC);
      return;
    }
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
      staffing.takeOffFutureShifts(
          person.personId(),
          person.active() ? "person is " + person.dutyStatus() : "person is no longer active",
          event.time());
    }
  }
}
