package cn.gov.jingyang.ops.platform.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of one consumer held back by a transient fault, each on one record, with when to
 * try it next: the pause doubles from {@code first} up to {@code max}. Written by the consumer's
 * thread, read by readiness checks and meters.
 */
final class HeldPartitions {

  /** A partition held back on {@code record}. */
  static final class Held {
    final TopicPartition partition;
    final ConsumerRecord<String, String> record;
    final Instant since = Instant.now();
    int retries;
    long nextAttemptNanos;
    String fault;

    Held(TopicPartition partition, ConsumerRecord<String, String> record) {
      this.partition = partition;
      this.record = record;
    }
  }

  private final Map<TopicPartition, Held> held = new ConcurrentHashMap<>();
  private final Duration first;
  private final Duration max;

  HeldPartitions(Duration first, Duration max) {
    this.first = first;
    this.max = max;
  }

  Held hold(TopicPartition partition, ConsumerRecord<String, String> record, Throwable fault) {
    Held h = new Held(partition, record);
    held.put(partition, h);
    failedAgain(h, fault);
    return h;
  }

  /** Schedules the next try; returns the pause. */
  Duration failedAgain(Held h, Throwable fault) {
    h.fault = fault.getClass().getSimpleName();
    long pause = first.toMillis() << Math.min(h.retries, 20);
    pause = Math.min(Math.max(pause, 1), max.toMillis());
    h.retries++;
    h.nextAttemptNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
    return Duration.ofMillis(pause);
  }

  /** Those whose next try is due. */
  List<Held> due() {
    long now = System.nanoTime();
    return held.values().stream().filter(h -> now - h.nextAttemptNanos >= 0).toList();
  }

  void release(TopicPartition partition) {
    held.remove(partition);
  }

  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(held::remove);
  }

  void clear() {
    held.clear();
  }

  /** How long a poll may wait without delaying a due try. */
  Duration pollTimeout(Duration longest) {
    long now = System.nanoTime();
    long wait = longest.toNanos();
    for (Held h : held.values()) {
      wait = Math.min(wait, Math.max(h.nextAttemptNanos - now, TimeUnit.MILLISECONDS.toNanos(1)));
    }
    return Duration.ofNanos(wait);
  }

  /** Empty while every partition flows; otherwise the oldest hold. */
  Optional<ConsumerRunner.Status> status(String consumer) {
    return held.values().stream()
        .min((a, b) -> a.since.compareTo(b.since))
        .map(h -> new ConsumerRunner.Status(consumer, held.size(), h.since, h.fault));
  }
}
