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
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One request's trip to its upstream: to the instance whose turn it is, through that instance's
 * circuit breaker, within the route's timeout (504 after it). An instance that cannot be connected
 * to is skipped for the next one whatever the method (nothing reached it); a connection that fails
 * after the request was sent is retried only for GET and HEAD without a body. Answered with
 * problem+json when no instance can be reached (503) or one drops the connection (502). All of it
 * runs on the request's event loop.
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
  private Upstream.Turn turn;
  private Upstream.Instance instance;
  private boolean sent;
  private int retries;

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
    turn = upstream.turn();
    Optional<Upstream.Instance> first = turn.next();
    if (first.isEmpty()) {
      circuitOpen();
      return;
    }
    ProxyRequest request = prepare(ProxyRequest.reverseProxy(ctx.request()));
    timer = vertx.setTimer(timeout.toMillis(), id -> timedOut());
    attempt(request, first.get());
  }

  private void circuitOpen() {
    fail(
        Problem.of(
                503,
                "upstream-circuit-open",
                "Service unavailable",
                "the " + upstream.name() + " service failed repeatedly; calls resume after a pause")
            .with(ProblemResponse.RETRY_AFTER, turn.retryAfterSeconds()));
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

  private void attempt(ProxyRequest request, Upstream.Instance to) {
    instance = to;
    sent = false;
    request.setAuthority(HostAndPort.create(to.host(), to.port()));
    request.setURI(to.basePath() + uri);
    upstream
        .client()
        .request(to.requestTo())
        .compose(
            clientRequest -> {
              current = clientRequest;
              sent = true;
              return request.send(clientRequest);
            })
        .onComplete(answer -> answered(request, answer));
  }

  private void answered(ProxyRequest request, AsyncResult<ProxyResponse> answer) {
    if (done) {
      if (answer.succeeded()) {
        answer.result().release();
      }
      return;
    }
    CircuitBreaker breaker = instance.breaker();
    if (answer.succeeded()) {
      finish();
      breaker.onSuccess();
      ProxyResponse response = answer.result();
      HopByHopHeaders.strip(response.headers());
      response.headers().remove("Access-Control-Allow-Origin");
      response.send();
      return;
    }
    Throwable cause = answer.cause();
    if (ctx.response().closed()) {
      finish(); // the caller went away: says nothing about the upstream
      breaker.onAbandoned();
      return;
    }
    // nothing was sent: any method may go to another instance; once sent, only a safe one
    boolean repeatable =
        retriable(request) && retries < upstream.route().retries() && connectionFailed(cause);
    if (!sent || repeatable) {
      Optional<Upstream.Instance> other = turn.next();
      if (other.isPresent()) {
        breaker.onFailure();
        retries += sent ? 1 : 0;
        LOG.debugf(
            "%s %s: trying another instance after %s", request.getMethod(), upstream.name(), cause);
        attempt(request, other.get());
        return;
      }
      if (repeatable) {
        retries++;
        LOG.debugf("retrying %s on %s after %s", request.getMethod(), upstream.name(), cause);
        attempt(request, instance);
        return;
      }
    }
    finish();
    breaker.onFailure();
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
      instance.breaker().onAbandoned(); // the caller went away: says nothing about the upstream
      return;
    }
    instance.breaker().onFailure();
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
