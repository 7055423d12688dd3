package cn.gov.jingyang.ops.platform.testapp;

import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Test consumer of the notes' state topic, read from the start: counts how often it saw each. */
@ApplicationScoped
public class NoteStateHandler implements EventHandler {

  public static final String NAME = "note-state-test";

  private final Map<UUID, Integer> seen = new ConcurrentHashMap<>();

  @Override
  public String consumerName() {
    return NAME;
  }

  @Override
  public Set<String> topics() {
    return Set.of(NotesResource.STATE_TOPIC);
  }

  @Override
  public boolean readsFromStart() {
    return true;
  }

  @Override
  public void handle(EventEnvelope event) {
    seen.merge(event.id(), 1, Integer::sum);
  }

  /** How many times the event was handled. */
  public int timesSeen(UUID eventId) {
    return seen.getOrDefault(eventId, 0);
  }
}
