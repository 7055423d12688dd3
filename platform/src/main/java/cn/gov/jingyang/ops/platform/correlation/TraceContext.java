package cn.gov.jingyang.ops.platform.correlation;

import io.opentelemetry.api.trace.Span;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The correlation id and W3C trace context of the work in progress, kept in the logging MDC so that
 * every log line ({@code traceId}), every event appended to the outbox and every Kafka record
 * carries them. The trace context is OpenTelemetry's current span when there is one (the SDK
 * enabled: the span of the HTTP request, of the event being applied); otherwise — the SDK disabled,
 * the default — a span id of our own, a child of the caller's {@code traceparent}, in the caller's
 * trace.
 */
public final class TraceContext {

  public static final String CORRELATION_HEADER = "X-Correlation-Id";
  public static final String TRACEPARENT_HEADER = "traceparent";
  public static final String MDC_CORRELATION = "correlationId";
  public static final String MDC_TRACEPARENT = "traceparent";

  /** The MDC key of the trace id, the one OpenTelemetry's Quarkus extension uses too. */
  public static final String MDC_TRACE_ID = "traceId";

  private static final Pattern SAFE_CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private TraceContext() {}

  /** Enters a unit of work: keeps a well-formed incoming id, otherwise makes one. */
  public static void enter(String correlationId, String traceparent) {
    MDC.put(MDC_CORRELATION, acceptedCorrelationId(correlationId));
    String current = currentSpan();
    String own = current != null ? current : childOf(traceparent);
    MDC.put(MDC_TRACEPARENT, own);
    MDC.put(MDC_TRACE_ID, own.substring(3, 35));
  }

  public static void leave() {
    MDC.remove(MDC_CORRELATION);
    MDC.remove(MDC_TRACEPARENT);
    MDC.remove(MDC_TRACE_ID);
  }

  public static String correlationId() {
    Object id = MDC.get(MDC_CORRELATION);
    return id == null ? null : id.toString();
  }

  /** OpenTelemetry's current span, else the trace context entered last on this unit of work. */
  public static String traceparent() {
    String current = currentSpan();
    if (current != null) {
      return current;
    }
    Object tp = MDC.get(MDC_TRACEPARENT);
    return tp == null ? null : tp.toString();
  }

  private static String currentSpan() {
    return EventTracing.traceparentOf(Span.current().getSpanContext());
  }

  static String acceptedCorrelationId(String candidate) {
    return candidate != null && SAFE_CORRELATION.matcher(candidate).matches()
        ? candidate
        : UUID.randomUUID().toString();
  }

  /** A new span in the caller's trace, or a new trace if there is none (or it is malformed). */
  static String childOf(String traceparent) {
    String traceId;
    String flags = "01";
    var m = traceparent == null ? null : TRACEPARENT.matcher(traceparent.trim());
    if (m != null && m.matches() && !m.group(1).equals("0".repeat(32))) {
      traceId = m.group(1);
      flags = m.group(3);
    } else {
      traceId = randomHex(16);
    }
    return "00-" + traceId + "-" + randomHex(8) + "-" + flags;
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HEX.formatHex(b);
  }
}
