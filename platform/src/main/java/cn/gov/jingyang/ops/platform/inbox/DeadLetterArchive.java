package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a consumer dead-lettered from its {@code <topic>.dlt} topics, with a consumer of no
 * group (assign and seek: reading never moves anyone's offsets). A dead-letter topic is shared by
 * every consumer of its topic, so records are picked by their {@code dlt-consumer} header.
 */
@ApplicationScoped
public class DeadLetterArchive {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

  private final KafkaClients kafka;

  public DeadLetterArchive(KafkaClients kafka) {
    this.kafka = kafka;
  }

  /** The Kafka cluster could not be read in time. */
  static final class UnavailableException extends RuntimeException {
    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static String deadLetterTopic(String topic) {
    return topic + ".dlt";
  }

  /**
   * Every dead letter of {@code consumer} on the dead-letter topics of {@code topics}, oldest first
   * per partition.
   */
  List<ConsumerRecord<String, String>> all(String consumer, Collection<String> topics) {
    try (KafkaConsumer<String, String> reader = reader()) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        List<PartitionInfo> infos =
            reader.partitionsFor(deadLetterTopic(topic), Duration.ofSeconds(5));
        for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
          partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
      }
      if (partitions.isEmpty()) {
        return List.of();
      }
      reader.assign(partitions);
      Map<TopicPartition, Long> end = reader.endOffsets(partitions, Duration.ofSeconds(5));
      reader.seekToBeginning(partitions);
      List<ConsumerRecord<String, String>> found = new ArrayList<>();
      Instant deadline = Instant.now().plus(READ_TIMEOUT);
      while (partitions.stream().anyMatch(p -> reader.position(p) < end.getOrDefault(p, 0L))) {
        if (Instant.now().isAfter(deadline)) {
          throw new UnavailableException(
              "dead-letter topics not read to their end in " + READ_TIMEOUT, null);
        }
        for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
          if (consumer.equals(header(r, DeadLetters.CONSUMER))
              && r.offset() < end.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) {
            found.add(r);
          }
        }
      }
      found.sort(
          Comparator.<ConsumerRecord<String, String>, String>comparing(ConsumerRecord::topic)
              .thenComparingInt(ConsumerRecord::partition)
              .thenComparingLong(ConsumerRecord::offset));
      return found;
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new UnavailableException(
          "dead-letter topics cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  /** One dead letter of {@code consumer}, if that topic, partition and offset hold one. */
  Optional<ConsumerRecord<String, String>> one(
      String consumer, String dltTopic, int partition, long offset) {
    try (KafkaConsumer<String, String> reader = reader()) {
      TopicPartition tp = new TopicPartition(dltTopic, partition);
      List<PartitionInfo> infos = reader.partitionsFor(dltTopic, Duration.ofSeconds(5));
      if (infos == null || infos.stream().noneMatch(i -> i.partition() == partition)) {
        return Optional.empty();
      }
      reader.assign(List.of(tp));
      long end = reader.endOffsets(List.of(tp), Duration.ofSeconds(5)).getOrDefault(tp, 0L);
      long begin = reader.beginningOffsets(List.of(tp), Duration.ofSeconds(5)).getOrDefault(tp, 0L);
      if (offset < begin || offset >= end) {
        return Optional.empty();
      }
      reader.seek(tp, offset);
      Instant deadline = Instant.now().plus(READ_TIMEOUT);
      while (reader.position(tp) <= offset) {
        if (Instant.now().isAfter(deadline)) {
          throw new UnavailableException("dead letter not read in " + READ_TIMEOUT, null);
        }
        for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
          if (r.offset() == offset) {
            return consumer.equals(header(r, DeadLetters.CONSUMER))
                ? Optional.of(r)
                : Optional.empty();
          }
        }
      }
      return Optional.empty(); // the offset holds no record (a transaction marker)
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new UnavailableException(
          "dead-letter topic cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  static String header(ConsumerRecord<String, String> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private KafkaConsumer<String, String> reader() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }
}
