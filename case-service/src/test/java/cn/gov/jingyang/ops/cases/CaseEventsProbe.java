package cn.gov.jingyang.ops.cases;

import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.testing.Db;
import java.time.Duration;

/**
 * The raw records of case.events published after it was opened, as the real broker holds them (the
 * topic's earlier records are skipped, not read, and of the later ones only the one asked for is
 * kept: after a large import there are many).
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
                        "select count(*) from outbox_entry where aggregate_id = ? and status = 'PUBLISHED'",
                        key)
                    > 0);
    return topic.first(r -> key.equals(r.key()), Duration.ofSeconds(45)).value();
  }

  @Override
  public void close() {
    topic.close();
  }
}
