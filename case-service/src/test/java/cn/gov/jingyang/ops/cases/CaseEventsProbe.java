package cn.gov.jingyang.ops.cases;

import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.testing.Db;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The raw records of case.events published after it was opened, as the real broker holds them (the
 * topic's earlier records are skipped, not read: after a large import there are many).
 */
public final class CaseEventsProbe implements AutoCloseable {

  /** How long the relay may take to reach an event: behind a 200,000-row import on a busy host. */
  private static final Duration RELAY_BACKLOG = Duration.ofMinutes(10);

  private final TopicProbe topic;

  public CaseEventsProbe(String bootstrapServers) {
    topic = TopicProbe.fromNow(bootstrapServers, "case.events");
  }

  /**
   * The value of the first record with this key published since, once the relay has published it
   * (after a large import the relay may have a backlog of many thousand events to publish first).
   */
  public String firstValueOf(Db db, String key) {
    await()
        .atMost(RELAY_BACKLOG)
        .until(
            () ->
                db.count(
                        "select count(*) from outbox where aggregate_id = ? and status = 'PUBLISHED'",
                        key)
                    > 0);
    return topic
        .until(
            records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(45))
        .stream()
        .filter(r -> key.equals(r.key()))
        .map(ConsumerRecord::value)
        .findFirst()
        .orElseThrow();
  }

  @Override
  public void close() {
    topic.close();
  }
}
