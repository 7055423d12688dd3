package cn.gov.jingyang.ops.checkpoint.personnel;

import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

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

  private final EventCodec codec;
  private final PersonnelEventHandler replica;

  public PersonStateHandler(EventCodec codec, PersonnelEventHandler replica) {
    this.codec = codec;
    this.replica = replica;
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
  public Set<String> eventNames() {
    return Set.of("PersonSnapshot");
  }

  @Override
  public boolean readsFromStart() {
    return true;
  }

  @Override
  public void handle(EventEnvelope event) {
    replica.applySnapshot(codec.data(event, PersonnelEvents.PersonSnapshot.class));
  }
}
