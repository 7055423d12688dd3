package cn.gov.jingyang.ops.gateway.access;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * One line per request (category {@code cn.gov.jingyang.ops.gateway.access}) once its answer is
 * sent: method, path without the query string, route, status, duration, client, request id and
 * trace id. Never a query string or a body, which may carry personal data; the client is the
 * subject of the bearer token (prefixed {@code unverified:} when its signature was not checked),
 * else {@code -}. Operations endpoints ({@code /q/...}) are not logged.
 */
@ApplicationScoped
public class AccessLog {

  public static final String ROUTE_KEY = AccessLog.class.getName() + ".route";
  private static final Logger LOG = Logger.getLogger("cn.gov.jingyang.ops.gateway.access");
  private static final int MAX_PATH = 200;

  void install(@Observes Router router) {
    router.route().order(RequestIdentity.ORDER + 1).handler(this::watch);
  }

  private void watch(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path != null && !path.startsWith("/q/")) {
      long started = System.nanoTime();
      ctx.addEndHandler(v -> log(ctx, started));
    }
    ctx.next();
  }

  private static void log(RoutingContext ctx, long started) {
    String route = ctx.get(ROUTE_KEY);
    LOG.info(
        String.format(
            "%s %s route=%s status=%d durationMs=%d client=%s requestId=%s trace=%s",
            ctx.request().method().name(),
            printable(ctx.request().path()),
            route == null ? "-" : route,
            ctx.response().getStatusCode(),
            (System.nanoTime() - started) / 1_000_000,
            client(ctx),
            RequestIdentity.requestId(ctx),
            traceId(RequestIdentity.traceparent(ctx))));
  }

  /** The request's trace id, whether or not the span is still current when the line is written. */
  private static String traceId(String traceparent) {
    return traceparent == null || traceparent.length() < 35 ? "-" : traceparent.substring(3, 35);
  }

  private static String client(RoutingContext ctx) {
    Caller caller = Callers.known(ctx);
    if (caller != null && caller.authenticated()) {
      return caller.subject();
    }
    String token = BearerToken.of(ctx.request());
    return token == null ? "-" : "unverified:" + BearerToken.unverifiedSubject(token);
  }

  /** The path as sent, cut short and with anything unprintable replaced. */
  private static String printable(String path) {
    if (path == null) {
      return "-";
    }
    String cut = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "…" : path;
    return cut.replaceAll("[^\\x21-\\x7e…]", "?");
  }
}
