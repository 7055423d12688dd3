package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Runs one {@link EventHandler}: poll, apply each record's effect in its own transaction together
 * with the processed-event row, then commit the offsets. If anything fails between an effect's
 * commit and the offset commit, the consumer is rebuilt and the record comes again: the
 * processed-event row turns the second delivery into a no-op.
 */
public final class ConsumerRunner implements Runnable {

  private static final Logger LOG = Logger.getLogger(ConsumerRunner.class);

  private final EventHandler handler;
  private final String groupId;
  private final KafkaClients kafka;
  private final DeadLetters deadLetters;
  private final EventCodec codec;
  private final ProcessedEvents processed;
  private final PlatformConfig.Consumer settings;
  private final AtomicBoolean crashBeforeNextCommit = new AtomicBoolean();
  private final AtomicLong duplicatesSkipped = new AtomicLong();
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, String> consumer;

  ConsumerRunner(
      EventHandler handler,
      String groupId,
      KafkaClients kafka,
      DeadLetters deadLetters,
      EventCodec codec,
      ProcessedEvents processed,
      PlatformConfig.Consumer settings) {
    this.handler = handler;
    this.groupId = groupId;
    this.kafka = kafka;
    this.deadLetters = deadLetters;
    this.codec = codec;
    this.processed = processed;
    this.settings = settings;
  }

  public String groupId() {
    return groupId;
  }

  /**
   * Failure drill: the next batch's effects commit, then the consumer dies before committing the
   * offsets, as a process killed at that instant would. Used by tests to prove no double effect.
   */
  public void crashBeforeNextOffsetCommit() {
    crashBeforeNextCommit.set(true);
  }

  /** Redelivered events this consumer recognised as already processed and skipped. */
  public long duplicatesSkipped() {
    return duplicatesSkipped.get();
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
      try (KafkaConsumer<String, String> c = kafka.consumer(groupId, groupId + "-" + ProcessHandle.current().pid())) {
        consumer = c;
        c.subscribe(List.copyOf(handler.topics()));
        while (running) {
          ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
          if (records.isEmpty()) {
            continue;
          }
          Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
          for (ConsumerRecord<String, String> record : records) {
            process(record);
            offsets.put(
                new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1));
          }
          if (crashBeforeNextCommit.getAndSet(false)) {
            throw new IllegalStateException("drill: consumer crashed before committing offsets");
          }
          c.commitSync(offsets);
          backoff = settings.retryBackoff();
        }
      } catch (WakeupException e) {
        if (running) {
          LOG.warnf("consumer %s woken up unexpectedly; restarting", groupId);
        }
      } catch (Exception e) {
        if (!running) {
          break;
        }
        LOG.errorf("consumer %s failed (%s); restarting from the last committed offsets in %s",
            groupId, e.getMessage(), backoff);
        try {
          TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Duration.ofMillis(Math.min(backoff.toMillis() * 2, 30_000));
      } finally {
        consumer = null;
      }
    }
  }

  /** Returns once the record's effect is committed or the record is on the dead-letter topic. */
  private void process(ConsumerRecord<String, String> record) throws Exception {
    EventEnvelope event;
    try {
      event = codec.read(record.value());
    } catch (EventCodec.MalformedEventException e) {
      LOG.errorf("consumer %s: record %s-%d@%d is not an event (%s); dead-lettered",
          groupId, record.topic(), record.partition(), record.offset(), e.getMessage());
      deadLetters.send(handler.consumerName(), record, e);
      return;
    }
    TraceContext.enter(
        event.correlationid() != null ? event.correlationid() : header(record, TraceContext.CORRELATION_HEADER),
        event.traceparent() != null ? event.traceparent() : header(record, TraceContext.TRACEPARENT_HEADER));
    try {
      Throwable last = null;
      for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
        try {
          applyOnce(event);
          return;
        } catch (Exception e) {
          last = e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
          if (last instanceof EventCodec.MalformedEventException) {
            break;
          }
          LOG.warnf("consumer %s: %s %s failed (attempt %d of %d): %s", groupId, event.type(),
              event.id(), attempt, settings.maxAttempts(), last.getMessage());
          TimeUnit.MILLISECONDS.sleep(settings.retryBackoff().toMillis() * attempt);
        }
      }
      LOG.errorf("consumer %s: %s %s dead-lettered: %s", groupId, event.type(), event.id(),
          last == null ? "?" : last.getMessage());
      deadLetters.send(handler.consumerName(), record, last);
    } finally {
      TraceContext.leave();
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private void applyOnce(EventEnvelope event) {
    QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (processed.markProcessed(handler.consumerName(), event.id(), event.type())) {
                handler.handle(event);
              } else {
                duplicatesSkipped.incrementAndGet();
              }
              return null;
            });
  }
}
