package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.correlation.EventTracing;
import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.nio.charset.StandardCharsets;
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
  private final boolean logApplied;
  private final EventTracing tracing = EventTracing.current();

  EventApplication(ProcessedEvents processed, boolean logApplied) {
    this.processed = processed;
    this.logApplied = logApplied;
  }

  /**
   * Returns true if the effect was applied now, false if the event had been applied before. A
   * failure rolls the whole transaction back and is thrown, unwrapped from the transaction API. It
   * runs in a CONSUMER span, a child of the record's {@code traceparent} header (the relay's span),
   * else of the event's own (the span that appended it): the trace of the request that caused the
   * event goes on here, into this service's log lines and the events it appends.
   */
  boolean apply(EventHandler handler, ConsumerRecord<String, String> record, EventEnvelope event)
      throws Exception {
    String parent = header(record, TraceContext.TRACEPARENT_HEADER);
    if (parent == null) {
      parent = event.traceparent();
    }
    Span span = tracing.consumer(record.topic(), handler.consumerName(), event.type(), parent);
    try (Scope ignored = span.makeCurrent()) {
      TraceContext.enter(
          event.correlationid() != null
              ? event.correlationid()
              : header(record, TraceContext.CORRELATION_HEADER),
          parent);
      boolean applied = applyInTransaction(handler, event);
      if (applied && logApplied) {
        LOG.infof(
            "applied %s %s from %s-%d@%d consumer=%s",
            event.type(),
            event.id(),
            record.topic(),
            record.partition(),
            record.offset(),
            handler.consumerName());
      }
      return applied;
    } catch (Exception | Error e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      TraceContext.leave();
      span.end();
    }
  }

  private boolean applyInTransaction(EventHandler handler, EventEnvelope event) throws Exception {
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                if (!handler.readsFromStart()
                    && !processed.markProcessed(handler.consumerName(), event.id(), event.type())) {
                  return false;
                }
                handler.handle(event);
                return true;
              });
    } catch (QuarkusTransactionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
