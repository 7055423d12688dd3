package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one path by which an event takes effect, for a delivery and a re-drive alike: in a new
 * transaction, record {@code (consumer, event id)} in processed_event and, only if it was not there
 * yet, let the handler apply the effect. A duplicate therefore changes nothing. A handler that
 * {@link EventHandler#readsFromStart reads its topics from the start} is idempotent by itself and
 * records nothing.
 */
final class EventApplication {

  private final ProcessedEvents processed;

  EventApplication(ProcessedEvents processed) {
    this.processed = processed;
  }

  /**
   * Returns true if the effect was applied now, false if the event had been applied before. A
   * failure rolls the whole transaction back and is thrown, unwrapped from the transaction API.
   */
  boolean apply(EventHandler handler, ConsumerRecord<String, String> record, EventEnvelope event)
      throws Exception {
    TraceContext.enter(
        event.correlationid() != null
            ? event.correlationid()
            : header(record, TraceContext.CORRELATION_HEADER),
        event.traceparent() != null
            ? event.traceparent()
            : header(record, TraceContext.TRACEPARENT_HEADER));
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
    } finally {
      TraceContext.leave();
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
