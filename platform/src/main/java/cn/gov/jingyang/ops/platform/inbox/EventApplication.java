package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.correlation.EventTracing;
import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one path by which an event takes effect, for a delivery and a re-drive alike: in a new
 * transaction, record {@code (consumer, event id)} in processed_event and, only if it was not there
 * yet, let the handler apply the effect. A duplicate therefore changes nothing. A handler that
 * {@link EventHandler#readsFromStart reads its topics from the start} is idempotent by itself and
 * records nothing.
 */
final class EventApplication {

  private static final Logger LOG = Logger.getLogger(EventApplication.class);

  private final ProcessedEvents processed;
  private final Instance<EntityManager> entityManager;
  private final boolean logApplied;
  private final EventTracing tracing = EventTracing.current();

  EventApplication(
      ProcessedEvents processed, Instance<EntityManager> entityManager, boolean logApplied) {
    this.processed = processed;
    this.entityManager = entityManager;
    this.logApplied = logApplied;
  }

  /** A record and the event decoded from it. */
  record Delivered(ConsumerRecord<String, String> record, EventEnvelope event) {}

  /**
   * Returns true if the effect was applied now, false if the event had been applied before. A
   * failure rolls the whole transaction back and is thrown, unwrapped from the transaction API. It
   * runs in a CONSUMER span, a child of the record's {@code traceparent} header (the relay's span),
   * else of the event's own (the span that appended it): the trace of the request that caused the
   * event goes on here, into this service's log lines and the events it appends.
   */
  boolean apply(EventHandler handler, ConsumerRecord<String, String> record, EventEnvelope event)
      throws Exception {
    Traced traced = new Traced(handler, new Delivered(record, event));
    try {
      return traced.within(
          () -> {
            boolean applied = inTransaction(() -> markAndHandle(handler, event));
            if (applied) {
              logApplied(handler, traced.delivered);
            }
            return applied;
          });
    } catch (Exception | Error e) {
      traced.failed(e);
      throw e;
    } finally {
      traced.span.end();
    }
  }

  /**
   * Applies events of one partition, in their order, in one transaction: each as {@link #apply}
   * would (in its own span, its processed-event mark and effect), the persistence context flushed
   * and cleared after each, so the next one reads what it wrote and loads nothing stale. One commit
   * for all of them. A failure of any rolls them all back and is thrown; the caller then delivers
   * them one by one. Returns how many had been applied before (duplicates).
   */
  int applyTogether(EventHandler handler, List<Delivered> events) throws Exception {
    List<Traced> started = new ArrayList<>(events.size());
    List<Traced> applied = new ArrayList<>(events.size());
    try {
      inTransaction(
          () -> {
            for (Delivered d : events) {
              Traced traced = new Traced(handler, d);
              started.add(traced);
              if (traced.within(() -> markAndHandle(handler, d.event()))) {
                applied.add(traced);
              }
              endOfEvent();
            }
            return null;
          });
      for (Traced traced : applied) {
        traced.within(() -> logApplied(handler, traced.delivered));
      }
      return events.size() - applied.size();
    } catch (Exception | Error e) {
      if (!started.isEmpty()) {
        started.get(started.size() - 1).failed(e);
      }
      throw e;
    } finally {
      started.forEach(t -> t.span.end());
    }
  }

  /** One event's CONSUMER span and trace context. */
  private final class Traced {
    final Delivered delivered;
    final Span span;
    final String parent;
    final String correlationId;

    Traced(EventHandler handler, Delivered delivered) {
      this.delivered = delivered;
      ConsumerRecord<String, String> record = delivered.record();
      EventEnvelope event = delivered.event();
      String traceparent = header(record, TraceContext.TRACEPARENT_HEADER);
      this.parent = traceparent != null ? traceparent : event.traceparent();
      this.correlationId =
          event.correlationid() != null
              ? event.correlationid()
              : header(record, TraceContext.CORRELATION_HEADER);
      this.span = tracing.consumer(record.topic(), handler.consumerName(), event.type(), parent);
    }

    <T> T within(Callable<T> work) throws Exception {
      try (Scope ignored = span.makeCurrent()) {
        TraceContext.enter(correlationId, parent);
        return work.call();
      } finally {
        TraceContext.leave();
      }
    }

    void failed(Throwable e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
    }
  }

  private boolean markAndHandle(EventHandler handler, EventEnvelope event) throws Exception {
    if (!handler.readsFromStart()
        && !processed.markProcessed(handler.consumerName(), event.id(), event.type())) {
      return false;
    }
    handler.handle(event);
    return true;
  }

  private Void logApplied(EventHandler handler, Delivered delivered) {
    if (logApplied) {
      ConsumerRecord<String, String> record = delivered.record();
      LOG.infof(
          "applied %s %s from %s-%d@%d consumer=%s",
          delivered.event().type(),
          delivered.event().id(),
          record.topic(),
          record.partition(),
          record.offset(),
          handler.consumerName());
    }
    return null;
  }

  /** Writes an event's changes and forgets its entities, as its own commit would have. */
  private void endOfEvent() {
    if (entityManager.isResolvable()) {
      entityManager.get().flush();
      entityManager.get().clear();
    }
  }

  private static <T> T inTransaction(Callable<T> work) throws Exception {
    try {
      return QuarkusTransaction.requiringNew().call(work);
    } catch (QuarkusTransactionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
