package cn.gov.jingyang.ops.platform.correlation;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.arc.Arc;
import java.util.List;

/**
 * OpenTelemetry spans of events on their way through Kafka: a PRODUCER span when the outbox relay
 * sends a row, a CONSUMER span while a handler applies it, each a child of the {@code traceparent}
 * it arrives with (the one stored with the outbox row, the Kafka record's header). With the SDK
 * disabled ({@code quarkus.otel.sdk.disabled=true}, the default) the spans are no-ops and {@link
 * TraceContext} keeps the trace ids itself, so logs and events carry them either way.
 */
public final class EventTracing {

  private static final String INSTRUMENTATION = "cn.gov.jingyang.ops.platform";

  private static final TextMapGetter<String> TRACEPARENT =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(TraceContext.TRACEPARENT_HEADER);
        }

        @Override
        public String get(String carrier, String key) {
          return TraceContext.TRACEPARENT_HEADER.equals(key) ? carrier : null;
        }
      };

  private final Tracer tracer;

  private EventTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** The application's tracer (Quarkus' OpenTelemetry), or a no-op one outside an application. */
  public static EventTracing current() {
    var container = Arc.container();
    if (container != null && container.isRunning()) {
      var tracer = container.instance(Tracer.class);
      if (tracer.isAvailable()) {
        return new EventTracing(tracer.get());
      }
    }
    return new EventTracing(OpenTelemetry.noop().getTracer(INSTRUMENTATION));
  }

  /** The span of sending one event to {@code topic}. */
  public Span producer(String topic, String eventType, String parentTraceparent) {
    return start(topic + " publish", SpanKind.PRODUCER, topic, eventType, parentTraceparent);
  }

  /** The span of applying one event from {@code topic} by {@code consumer}. */
  public Span consumer(String topic, String consumer, String eventType, String parentTraceparent) {
    Span span = start(topic + " process", SpanKind.CONSUMER, topic, eventType, parentTraceparent);
    span.setAttribute("messaging.consumer.group.name", consumer);
    return span;
  }

  private Span start(
      String name, SpanKind kind, String topic, String eventType, String parentTraceparent) {
    Context parent =
        parentTraceparent == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), parentTraceparent, TRACEPARENT);
    return tracer
        .spanBuilder(name)
        .setSpanKind(kind)
        .setParent(parent)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.destination.name", topic)
        .setAttribute("cloudevents.event_type", eventType == null ? "" : eventType)
        .startSpan();
  }

  /** The span's W3C {@code traceparent}, or null if it is a no-op span. */
  public static String traceparentOf(Span span) {
    return traceparentOf(span.getSpanContext());
  }

  static String traceparentOf(SpanContext context) {
    if (!context.isValid()) {
      return null;
    }
    return "00-"
        + context.getTraceId()
        + "-"
        + context.getSpanId()
        + "-"
        + context.getTraceFlags().asHex();
  }
}
