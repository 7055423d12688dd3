package cn.gov.jingyang.ops.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Test helper: reads what really is on a topic of the real broker, and writes raw records to it.
 */
public final class TopicProbe implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  /** Subscribes from the very beginning of the topic (a fresh consumer group). */
  public TopicProbe(String bootstrapServers, String topic) {
    consumer = consumer(bootstrapServers);
    consumer.subscribe(List.of(topic));
  }

  private TopicProbe(KafkaConsumer<String, String> consumer) {
    this.consumer = consumer;
  }

  /**
   * Reads only what is published to the topic from now on (its end as of this call, every
   * partition): after a large load there are too many earlier records to read through.
   */
  public static TopicProbe fromNow(String bootstrapServers, String topic) {
    KafkaConsumer<String, String> consumer = consumer(bootstrapServers);
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      consumer.close();
      throw new IllegalStateException("topic " + topic + " has no partitions");
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fixes the end now, before the caller writes
    return new TopicProbe(consumer);
  }

  private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "probe-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        new StringDeserializer(),
        new StringDeserializer());
  }

  /** Polls until the records seen so far satisfy {@code done}, or fails after {@code timeout}. */
  public List<ConsumerRecord<String, String>> until(
      Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.test(seen)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "topic did not reach the expected state in "
                + timeout
                + "; saw "
                + seen.size()
                + " records");
      }
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
    return List.copyOf(seen);
  }

  /**
   * The first record from now on that {@code match}es, or fails after {@code timeout}. Keeps none
   * of the others: behind a relay's backlog of many thousand events they would fill the heap.
   */
  public ConsumerRecord<String, String> first(
      Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    long skipped = 0;
    while (Instant.now().isBefore(deadline)) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
        if (match.test(record)) {
          return record;
        }
        skipped++;
      }
    }
    throw new AssertionError(
        "no matching record in " + timeout + "; skipped " + skipped + " other records");
  }

  /** Everything that arrives within {@code quiet} of polling (to show something did NOT arrive). */
  public List<ConsumerRecord<String, String>> drain(Duration quiet) {
    Instant deadline = Instant.now().plus(quiet);
    while (Instant.now().isBefore(deadline)) {
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
    return List.copyOf(seen);
  }

  public static void send(String bootstrapServers, String topic, String key, String value) {
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not send to " + topic, e);
    }
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
