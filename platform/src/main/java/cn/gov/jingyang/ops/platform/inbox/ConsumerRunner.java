package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.transaction.TransientFaults;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Runs one {@link EventHandler}: poll, deliver each record ({@link RecordDelivery}: apply its
 * effect through {@link EventApplication}), then commit the offsets. A record that fails for a
 * reason of its own (poison) is tried {@code max-attempts} times and dead-lettered. A record that
 * meets a transient fault (see {@link TransientFaults}) holds its partition: the partition is
 * paused, the consumer keeps polling (so it stays in its group), the same record is retried with a
 * doubling pause up to {@code transient-max-backoff}, the offset never moves past it, and when it
 * finally succeeds the partition resumes right behind it. Meanwhile the consumer reports itself
 * {@link #status stuck}.
 */
public final class ConsumerRunner implements Runnable {

  private static final Logger LOG = Logger.getLogger(ConsumerRunner.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /** Meters of one consumer. */
  record Meters(Counter transientRetries, Counter deadLettered) {}

  /** What a consumer reports while some partition is stuck: since when, and the fault's class. */
  public record Status(String consumer, int stuckPartitions, Instant stuckSince, String fault) {}

  private final EventHandler handler;
  private final String groupId;
  private final KafkaClients kafka;
  private final PlatformConfig.Consumer settings;
  private final Meters meters;
  private final RecordDelivery delivery;
  private final HeldPartitions held;
  private final AtomicReference<Runnable> beforeNextCommit = new AtomicReference<>();
  private volatile boolean running = true;
  private volatile boolean restartRequested;
  private volatile KafkaConsumer<String, String> consumer;

  ConsumerRunner(
      EventHandler handler,
      String groupId,
      KafkaClients kafka,
      DeadLetters deadLetters,
      EventCodec codec,
      EventApplication application,
      PlatformConfig.Consumer settings,
      Meters meters) {
    this.handler = handler;
    this.groupId = groupId;
    this.kafka = kafka;
    this.settings = settings;
    this.meters = meters;
    this.delivery =
        new RecordDelivery(
            handler, groupId, deadLetters, codec, application, settings, meters.deadLettered());
    this.held = new HeldPartitions(settings.retryBackoff(), settings.transientMaxBackoff());
  }

  public String groupId() {
    return groupId;
  }

  /** Redelivered events this consumer recognised as already processed and skipped. */
  public long duplicatesSkipped() {
    return delivery.duplicatesSkipped();
  }

  /** Records of events this consumer does not act on, passed over without a transaction. */
  public long passedOver() {
    return delivery.passedOver();
  }

  /** Empty while every partition flows; otherwise the oldest stuck partition's fault. */
  public Optional<Status> status() {
    return held.status(handler.consumerName());
  }

  /**
   * Test seam (package-private, no caller in production code): runs {@code action} just before the
   * next offset commit, e.g. to let the consumer die between an effect's commit and its offset's.
   */
  void beforeNextOffsetCommit(Runnable action) {
    beforeNextCommit.set(action);
  }

  /**
   * Closes this consumer and starts a new one in the same group: it resumes at the committed
   * offsets, or from the beginning for a handler that {@link EventHandler#readsFromStart reads from
   * the start}.
   */
  void restart() {
    restartRequested = true;
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  void stop() {
    running = false;
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  @Override
  public void run() {
    Duration backoff = settings.retryBackoff();
    while (running) {
      try (KafkaConsumer<String, String> c =
          kafka.consumer(groupId, groupId + "-" + ProcessHandle.current().pid())) {
        consumer = c;
        c.subscribe(List.copyOf(handler.topics()), new ForgetRevoked());
        while (running) {
          retryHeld(c);
          ConsumerRecords<String, String> records = c.poll(held.pollTimeout(POLL));
          Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
          for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
              Optional<Throwable> fault = delivery.deliver(record);
              if (fault.isPresent()) {
                hold(c, partition, record, fault.get());
                break; // the rest of this partition comes again once the record is through
              }
              offsets.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
          }
          commit(c, offsets);
          backoff = settings.retryBackoff();
        }
      } catch (WakeupException e) {
        if (running && restartRequested) {
          LOG.infof("consumer %s restarting on request", groupId);
        } else if (running) {
          LOG.warnf("consumer %s woken up unexpectedly; restarting", groupId);
        }
        restartRequested = false;
      } catch (Exception e) {
        if (!running) {
          break;
        }
        LOG.errorf(
            "consumer %s failed (%s); restarting from the last committed offsets in %s",
            groupId, e.getMessage(), backoff);
        try {
          TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff =
            Duration.ofMillis(
                Math.min(backoff.toMillis() * 2, settings.transientMaxBackoff().toMillis()));
      } finally {
        consumer = null;
        held.clear(); // a new consumer starts from the committed offsets, i.e. at the stuck records
      }
    }
  }

  private void hold(
      KafkaConsumer<String, String> c,
      TopicPartition partition,
      ConsumerRecord<String, String> record,
      Throwable fault) {
    c.pause(List.of(partition));
    held.hold(partition, record, fault);
    LOG.warnf(
        "consumer %s: transient fault at %s@%d, partition paused until it is through: %s",
        groupId, partition, record.offset(), fault.getMessage());
  }

  private void retryHeld(KafkaConsumer<String, String> c) throws InterruptedException {
    for (HeldPartitions.Held h : held.due()) {
      meters.transientRetries().increment();
      Optional<Throwable> fault = delivery.deliver(h.record);
      if (fault.isPresent()) {
        Duration pause = held.failedAgain(h, fault.get());
        LOG.debugf(
            "consumer %s: %s@%d retried in %s (%s)",
            groupId, h.partition, h.record.offset(), pause, fault.get().getMessage());
        continue;
      }
      commit(c, Map.of(h.partition, new OffsetAndMetadata(h.record.offset() + 1)));
      c.seek(
          h.partition, h.record.offset() + 1); // the records fetched behind it come again, in order
      c.resume(List.of(h.partition));
      held.release(h.partition);
      LOG.infof(
          "consumer %s: %s@%d went through after %d retries since %s; partition resumed",
          groupId, h.partition, h.record.offset(), h.retries, h.since);
    }
  }

  private void commit(
      KafkaConsumer<String, String> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    Runnable drill = beforeNextCommit.getAndSet(null);
    if (drill != null) {
      drill.run();
    }
    c.commitSync(offsets);
  }

  /** A partition taken away while stuck is the new owner's: it starts at the committed offset. */
  private final class ForgetRevoked implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      held.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      KafkaConsumer<String, String> c = consumer;
      if (handler.readsFromStart() && c != null && !partitions.isEmpty()) {
        c.seekToBeginning(partitions);
        LOG.infof("consumer %s reads %s from the beginning", groupId, partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      held.forget(partitions);
    }
  }
}
