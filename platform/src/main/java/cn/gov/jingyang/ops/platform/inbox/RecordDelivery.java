package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.transaction.TransientFaults;
import io.micrometer.core.instrument.Counter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Delivers one record to one {@link EventHandler}: decodes it, passes it over if it is not one of
 * the handler's {@link EventHandler#eventNames events}, applies its effect through {@link
 * EventApplication}, retries a failure of its own up to {@code max-attempts} times and then
 * dead-letters it. A transient fault (see {@link TransientFaults}) is handed back instead, for the
 * {@link ConsumerRunner} to hold the partition on the record.
 */
final class RecordDelivery {

  private static final Logger LOG = Logger.getLogger(RecordDelivery.class);

  private final EventHandler handler;
  private final String groupId;
  private final DeadLetters deadLetters;
  private final EventCodec codec;
  private final EventApplication application;
  private final PlatformConfig.Consumer settings;
  private final Counter deadLettered;
  private final Set<String> eventNames;
  private final AtomicLong duplicatesSkipped = new AtomicLong();
  private final AtomicLong passedOver = new AtomicLong();

  RecordDelivery(
      EventHandler handler,
      String groupId,
      DeadLetters deadLetters,
      EventCodec codec,
      EventApplication application,
      PlatformConfig.Consumer settings,
      Counter deadLettered) {
    this.handler = handler;
    this.groupId = groupId;
    this.deadLetters = deadLetters;
    this.codec = codec;
    this.application = application;
    this.settings = settings;
    this.deadLettered = deadLettered;
    this.eventNames = Set.copyOf(handler.eventNames());
  }

  /** Redelivered events recognised as already processed and skipped. */
  long duplicatesSkipped() {
    return duplicatesSkipped.get();
  }

  /** Events of a name the handler does not act on, passed over without a transaction. */
  long passedOver() {
    return passedOver.get();
  }

  /**
   * Applies a record, or dead-letters it if it is poison. Returns the fault if it met a transient
   * one: then nothing was applied, nothing dead-lettered, and the record must be tried again.
   */
  Optional<Throwable> deliver(ConsumerRecord<String, String> record) throws InterruptedException {
    EventEnvelope event;
    try {
      event = codec.read(record.value());
    } catch (EventCodec.MalformedEventException e) {
      return deadLetter(record, "record", e);
    }
    if (!actsOn(event)) {
      passedOver.incrementAndGet();
      return Optional.empty();
    }
    Throwable last = null;
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      try {
        if (!application.apply(handler, record, event)) {
          duplicatesSkipped.incrementAndGet();
        }
        return Optional.empty();
      } catch (Exception e) {
        last = e;
        if (PoisonEventException.isPoison(e)) {
          break;
        }
        if (TransientFaults.isTransient(e)) {
          return Optional.of(e);
        }
        LOG.warnf(
            "consumer %s: %s %s failed (attempt %d of %d): %s",
            groupId, event.type(), event.id(), attempt, settings.maxAttempts(), e.getMessage());
        TimeUnit.MILLISECONDS.sleep(settings.retryBackoff().toMillis() * attempt);
      }
    }
    return deadLetter(record, event.type() + " " + event.id(), last);
  }

  private boolean actsOn(EventEnvelope event) {
    return eventNames.isEmpty() || eventNames.contains(event.eventName());
  }

  private Optional<Throwable> deadLetter(
      ConsumerRecord<String, String> record, String what, Throwable error)
      throws InterruptedException {
    try {
      deadLetters.send(handler.consumerName(), record, error);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return Optional.of(e); // not on the dead-letter topic yet: the offset must not move past it
    }
    deadLettered.increment();
    LOG.errorf(
        "consumer %s: %s at %s-%d@%d dead-lettered: %s",
        groupId,
        what,
        record.topic(),
        record.partition(),
        record.offset(),
        error == null ? "?" : error.getMessage());
    return Optional.empty();
  }
}
