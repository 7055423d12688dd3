package cn.gov.jingyang.ops.system;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The records of one topic of the stack's Kafka, read as an outside consumer would: every partition
 * from the beginning up to given end offsets, with no consumer group (reading moves no offsets of
 * the services' consumers). Keys as strings, values as the bytes that were sent. Each record is
 * turned into the caller's view of it as it is read, so a topic of tens of thousands of events
 * never sits in memory whole.
 */
final class TopicRecords {

  private static final Duration READ_LIMIT = Duration.ofMinutes(3);

  /** The stack's event topics (each service's {@code ops.service-name} plus {@code .events}). */
  static final List<String> EVENT_TOPICS =
      List.of("checkpoint.events", "case.events", "personnel.events");

  private TopicRecords() {}

  /** The offset after the last record of each partition, now. */
  static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      return consumer.endOffsets(partitions(consumer, topic));
    }
  }

  /** The view of every record of the topic, now (records whose view is null left out). */
  static <T> List<T> all(
      String bootstrap, String topic, Function<ConsumerRecord<String, byte[]>, T> view) {
    return upTo(bootstrap, topic, endOffsets(bootstrap, topic), view);
  }

  /**
   * The view of every record before {@code ends}, partition by partition in offset order (so the
   * records of one key, which share a partition, in the order they were written); records whose
   * view is null are left out.
   */
  static <T> List<T> upTo(
      String bootstrap,
      String topic,
      Map<TopicPartition, Long> ends,
      Function<ConsumerRecord<String, byte[]>, T> view) {
    List<T> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant deadline = Instant.now().plus(READ_LIMIT);
      while (!reached(consumer, partitions, ends)) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("could not read " + topic + " up to " + ends + " in time");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
          if (end != null && record.offset() < end) {
            T seen = view.apply(record);
            if (seen != null) {
              records.add(seen);
            }
          }
        }
      }
    }
    return records;
  }

  private static boolean reached(
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> ends) {
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition) < ends.getOrDefault(partition, 0L)) {
        return false;
      }
    }
    return true;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
  }

  private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
  }
}
