package cn.gov.jingyang.ops.gateway.routing;

import cn.gov.jingyang.ops.gateway.resilience.CircuitBreaker;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One request's trip to its upstream: through the upstream's circuit breaker, within the route's
 * timeout (504 after it), retried on a failed connection only for GET and HEAD without a body,
 * answered with problem+json when the upstream cannot be reached (503) or drops the connection
 * (502). All of it runs on the request's event loop.
 */
final class Forwarding {

  private static final Logger LOG = Logger.getLogger(Forwarding.class);

  private final Vertx vertx;
  private final Upstream upstream;
  private final Duration timeout;
  private final RoutingContext ctx;
  private final String uri;
  private final ObjectMapper mapper;
  private boolean done;
  private long timer = -1;
  private HttpClientRequest current;

  Forwarding(
      Vertx vertx,
      Upstream upstream,
      Duration timeout,
      RoutingContext ctx,
      String uri,
      ObjectMapper mapper) {
    this.vertx = vertx;
    this.upstream = upstream;
    this.timeout = timeout;
    this.ctx = ctx;
    this.uri = uri;
    this.mapper = mapper;
  }

  void start() {
    CircuitBreaker.Permit permit = upstream.breaker().tryAcquire();
    if (!permit.granted()) {
      long seconds = Math.max(1, (permit.retryAfterMillis() + 999) / 1000);
      fail(
          Problem.of(
                  503,
                  "upstream-circuit-open",
                  "Service unavailable",
                  "the "
                      + upstream.name()
                      + " service failed repeatedly; calls resume after a pause")
              .with(ProblemResponse.RETRY_AFTER, seconds));
      return;
    }
    ProxyRequest request = prepare(ProxyRequest.reverseProxy(ctx.request()));
    timer = vertx.setTimer(timeout.toMillis(), id -> timedOut());
    attempt(request, 0);
  }

  private ProxyRequest prepare(ProxyRequest request) {
    HttpServerRequest incoming = ctx.request();
    HopByHopHeaders.strip(request.headers());
    String client =
        incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
    if (client != null) {
      String forwarded = incoming.getHeader("X-Forwarded-For");
      request
          .headers()
          .set("X-Forwarded-For", forwarded == null ? client : forwarded + ", " + client);
    }
    request.headers().set("X-Forwarded-Proto", incoming.scheme());
    request.setAuthority(HostAndPort.create(upstream.host(), upstream.port()));
    request.setURI(uri);
    if (ctx.body() != null && ctx.body().available() && ctx.body().buffer() != null) {
      // the platform's body size check already read a chunked body to count it
      request.setBody(Body.body(ctx.body().buffer()));
    } else if (incoming.getHeader("Content-Length") == null
        && incoming.getHeader("Transfer-Encoding") == null) {
      request.setBody(null);
      incoming.resume();
    }
    return request;
  }

  private void attempt(ProxyRequest request, int attempt) {
    upstream
        .client()
        .request(upstream.requestTo())
        .compose(
            clientRequest -> {
              current = clientRequest;
              return request.send(clientRequest);
            })
        .onComplete(answer -> answered(request, attempt, answer));
  }

  private void answered(ProxyRequest request, int attempt, AsyncResult<ProxyResponse> answer) {
    if (done) {
      if (answer.succeeded()) {
        answer.result().release();
      }
      return;
    }
    if (answer.succeeded()) {
      finish();
      upstream.breaker().onSuccess();
      ProxyResponse response = answer.result();
      HopByHopHeaders.strip(response.headers());
      response.headers().remove("Access-Control-Allow-Origin");
      response.send();
      return;
    }
    Throwable cause = answer.cause();
    if (ctx.response().closed()) {
      finish(); // the caller went away: says nothing about the upstream
      upstream.breaker().onAbandoned();
      return;
    }
    if (retriable(request) && attempt < upstream.route().retries() && connectionFailed(cause)) {
      LOG.debugf("retrying %s on %s after %s", request.getMethod(), upstream.name(), cause);
      attempt(request, attempt + 1);
      return;
    }
    finish();
    upstream.breaker().onFailure();
    if (refused(cause)) {
      fail(
          Problem.of(
              503,
              "upstream-unavailable",
              "Service unavailable",
              "the " + upstream.name() + " service cannot be reached"));
    } else {
      LOG.warnf("%s answered no response: %s", upstream.name(), cause.toString());
      fail(
          Problem.of(
              502,
              "upstream-failed",
              "Bad gateway",
              "the " + upstream.name() + " service closed the connection without an answer"));
    }
  }

  private void timedOut() {
    if (done) {
      return;
    }
    done = true;
    if (current != null) {
      current.reset();
    }
    if (ctx.response().closed()) {
      upstream.breaker().onAbandoned(); // the caller went away: says nothing about the upstream
      return;
    }
    upstream.breaker().onFailure();
    fail(
        Problem.of(
            504,
            "upstream-timeout",
            "Gateway timeout",
            "the "
                + upstream.name()
                + " service did not answer within "
                + timeout.toMillis()
                + " ms"));
  }

  private void finish() {
    done = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void fail(Problem problem) {
    ProblemResponse.send(ctx, problem, mapper, !ctx.request().isEnded());
  }

  /** Only a safe method whose (empty) body can be sent again. */
  private static boolean retriable(ProxyRequest request) {
    return (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
        && request.getBody() == null;
  }

  private static boolean connectionFailed(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof HttpClosedException
          || t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static boolean refused(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }
}
