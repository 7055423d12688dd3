package cn.gov.jingyang.ops.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.testing.Db;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The raw records of case.events published after it was opened, as the real broker holds them (the
 * topic's earlier records are skipped, not read: after a large import there are many).
 */
public final class CaseEventsProbe implements AutoCloseable {

  /** How long the relay may take to reach an event: behind a 200,000-row import on a busy host. */
  private static final Duration RELAY_BACKLOG = Duration.ofMinutes(10);

  private final KafkaConsumer<String, String> consumer;

  public CaseEventsProbe(String bootstrapServers) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor("case.events").stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    assertThat(partitions).as("partitions of case.events").isNotEmpty();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // the end as of now, before the caller writes
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
    return firstValueOf(key, Duration.ofSeconds(45));
  }

  private String firstValueOf(String key, Duration wait) {
    Instant deadline = Instant.now().plus(wait);
    while (Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
        if (key.equals(r.key())) {
          return r.value();
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on case.events within " + wait);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
