package cn.gov.jingyang.ops.gateway.access;

import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * First link of the gateway's chain: every request gets its id ({@code X-Request-Id} as sent, else
 * {@code X-Correlation-Id}, else a new one) and a W3C {@code traceparent} for the gateway's own
 * span (a child of the caller's, or a new trace). Both are echoed to the caller and, through the
 * request headers the services' correlation filter reads, sent upstream.
 */
@ApplicationScoped
public class RequestIdentity {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  public static final int ORDER = -30;
  private static final String ID_KEY = RequestIdentity.class.getName() + ".id";
  private static final String TRACE_KEY = RequestIdentity.class.getName() + ".traceparent";

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(this::identify);
  }

  private void identify(RoutingContext ctx) {
    var headers = ctx.request().headers();
    String candidate = headers.get(REQUEST_ID_HEADER);
    if (candidate == null) {
      candidate = headers.get(TraceContext.CORRELATION_HEADER);
    }
    TraceContext.enter(candidate, headers.get(TraceContext.TRACEPARENT_HEADER));
    String id = TraceContext.correlationId();
    String traceparent = TraceContext.traceparent();
    ctx.put(ID_KEY, id);
    ctx.put(TRACE_KEY, traceparent);
    // what every later link (problem answers, the gateway's own resources, the proxy) reads
    headers.set(REQUEST_ID_HEADER, id);
    headers.set(TraceContext.CORRELATION_HEADER, id);
    headers.set(TraceContext.TRACEPARENT_HEADER, traceparent);
    ctx.addHeadersEndHandler(
        v -> {
          ctx.response().headers().set(REQUEST_ID_HEADER, id);
          ctx.response().headers().set(TraceContext.CORRELATION_HEADER, id);
          ctx.response().headers().set(TraceContext.TRACEPARENT_HEADER, traceparent);
        });
    ctx.next();
  }

  public static String requestId(RoutingContext ctx) {
    return ctx.get(ID_KEY);
  }

  public static String traceparent(RoutingContext ctx) {
    return ctx.get(TRACE_KEY);
  }
}
