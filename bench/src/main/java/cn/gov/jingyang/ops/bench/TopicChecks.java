package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.infra.TopicProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The fault run's checks against the topics (a consumer from the beginning of each): every outbox
 * row reached its topic, every processed event is one the topics hold, and the dead-letter topics
 * hold only the poison records the run planted.
 */
final class TopicChecks {

  static final String POISON_KEY = "fault-run-poison-";
  static final String POISON_TEXT = "planted by the fault run";

  private final String bootstrap;
  private final Map<ServiceCatalog.Service, Connection> db;
  private final List<String> planted;

  TopicChecks(String bootstrap, Map<ServiceCatalog.Service, Connection> db, List<String> planted) {
    this.bootstrap = bootstrap;
    this.db = db;
    this.planted = planted;
  }

  /** A record no consumer can read (not JSON) on checkpoint.events and on personnel.events. */
  static List<String> plantPoison(String bootstrap) {
    List<String> keys = new ArrayList<>();
    for (ServiceCatalog.Service s : List.of(ServiceCatalog.CHECKPOINT, ServiceCatalog.PERSONNEL)) {
      String key = POISON_KEY + s.name();
      TopicProbe.send(bootstrap, s.topic(), key, "{this is no event: " + POISON_TEXT);
      keys.add(key);
    }
    return keys;
  }

  static boolean hasOutbox(Connection c) throws SQLException {
    return Reconciliation.count(c, "select count(*) from pg_tables where tablename = 'outbox'") > 0;
  }

  void run(Reconciliation checks) throws SQLException {
    Map<String, Integer> onTopics = new HashMap<>();
    long doubled = 0;
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      for (ConsumerRecord<String, String> r : TopicContents.read(bootstrap, s.topic())) {
        String id = TopicContents.eventId(r);
        if (id != null && onTopics.merge(id, 1, Integer::sum) == 2) {
          doubled++;
        }
      }
    }
    Set<String> state = new HashSet<>();
    for (String topic : ServiceCatalog.stateTopics()) {
      for (ConsumerRecord<String, String> r : TopicContents.read(bootstrap, topic)) {
        String id = TopicContents.eventId(r);
        if (id != null) {
          state.add(id);
        }
      }
    }
    long outboxRows = 0;
    long missing = 0;
    long unpublished = 0;
    long processed = 0;
    long phantom = 0;
    for (Map.Entry<ServiceCatalog.Service, Connection> e : db.entrySet()) {
      Connection c = e.getValue();
      if (!hasOutbox(c)) {
        continue;
      }
      unpublished += Reconciliation.unpublished(c);
      for (String id :
          Reconciliation.strings(
              c,
              "select event_id::text from outbox_entry where status = 'PUBLISHED' and topic not like '%.state'")) {
        outboxRows++;
        missing += onTopics.containsKey(id) ? 0 : 1;
      }
      for (String id : Reconciliation.strings(c, "select event_id::text from processed_event")) {
        processed++;
        phantom += onTopics.containsKey(id) || state.contains(id) ? 0 : 1;
      }
    }
    checks.add("outbox rows not published after the drain", outboxRows, unpublished, "");
    checks.add(
        "published outbox rows on their topic",
        outboxRows,
        missing,
        doubled + " events are on their topic twice (the relay's at-least-once; consumers dedupe)");
    checks.add(
        "processed events (all consumers) that are events of the topics",
        processed,
        phantom,
        "one row per consumer and event: the primary key refuses a second application");

    long dead = 0;
    long unplanted = 0;
    long poison = 0;
    List<String> deadLetterTopics = new ArrayList<>();
    ServiceCatalog.topics().stream().filter(t -> t.endsWith(".dlt")).forEach(deadLetterTopics::add);
    for (String topic : deadLetterTopics) {
      for (ConsumerRecord<String, String> r : TopicContents.read(bootstrap, topic)) {
        dead++;
        if ((r.key() != null && planted.contains(r.key()))
            || (r.value() != null && r.value().contains(POISON_TEXT))) {
          poison++;
        } else {
          unplanted++;
        }
      }
    }
    checks.add(
        "dead-letter records that are not a planted poison record",
        dead,
        unplanted + Math.max(0, planted.size() - poison),
        planted.size()
            + " planted (each read by two consumers), "
            + poison
            + " dead-letter records of them");
  }
}
