package cn.gov.jingyang.ops.gateway.feed;

import cn.gov.jingyang.ops.gateway.resilience.CircuitBreaker;
import cn.gov.jingyang.ops.gateway.routing.ReverseProxy;
import cn.gov.jingyang.ops.gateway.routing.Upstream;
import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Reads a service's event feed ({@code GET <upstream>/events}, the platform's, hidden from the
 * public routes) for {@code /api/v1/feed/<name>}: through the route's connection pool, from the
 * instance whose turn it is (the next one when it cannot be reached), through its circuit breaker,
 * with the route's timeout plus the reader's {@code wait} (a long poll answers only when an event
 * arrives or the wait is over). The caller's token goes along: the service checks it again. The
 * service's answer (page, 410, 401...) is passed on as it came.
 */
@ApplicationScoped
public class FeedUpstream {

  /** Request headers passed to the service. */
  private static final List<String> PASSED =
      List.of(
          HttpHeaders.AUTHORIZATION,
          "X-Request-Id",
          TraceContext.CORRELATION_HEADER,
          TraceContext.TRACEPARENT_HEADER,
          "tracestate");

  /** Answer headers passed back to the caller. */
  private static final List<String> RETURNED =
      List.of(HttpHeaders.CONTENT_TYPE, "Retry-After", HttpHeaders.WWW_AUTHENTICATE);

  private final ReverseProxy proxy;

  public FeedUpstream(ReverseProxy proxy) {
    this.proxy = proxy;
  }

  public Uni<Response> read(String feed, long after, Integer limit, int wait, HttpHeaders caller) {
    Upstream upstream =
        proxy.upstream(feed).orElseThrow(() -> ProblemException.notFound("feed", feed));
    Upstream.Turn turn = upstream.turn();
    Upstream.Instance first = turn.next().orElseThrow(() -> circuitOpen(feed, turn));
    Duration timeout = upstream.route().timeout().plusSeconds(wait);
    String uri =
        "/events?after=" + after + (limit == null ? "" : "&limit=" + limit) + "&wait=" + wait;
    Future<Response> answer = attempt(upstream, turn, first, uri, timeout, caller);
    return Uni.createFrom()
        .completionStage(answer.toCompletionStage())
        .onFailure()
        .transform(failure -> new ProblemException(problem(feed, failure, timeout)));
  }

  /** A GET: an instance that cannot be reached is left for the next one whose turn it is. */
  private Future<Response> attempt(
      Upstream upstream,
      Upstream.Turn turn,
      Upstream.Instance instance,
      String uri,
      Duration timeout,
      HttpHeaders caller) {
    RequestOptions options =
        instance
            .requestTo()
            .setMethod(HttpMethod.GET)
            .setURI(instance.basePath() + uri)
            .setIdleTimeout(timeout.toMillis())
            .putHeader(HttpHeaders.ACCEPT, "application/json");
    for (String name : PASSED) {
      String value = caller.getHeaderString(name);
      if (value != null) {
        options.putHeader(name, value);
      }
    }
    CircuitBreaker breaker = instance.breaker();
    return upstream
        .client()
        .request(options)
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> passedOn(response, body)))
        .onSuccess(ignored -> breaker.onSuccess())
        .recover(
            failure -> {
              breaker.onFailure();
              if (refused(failure)) {
                Optional<Upstream.Instance> other = turn.next();
                if (other.isPresent()) {
                  return attempt(upstream, turn, other.get(), uri, timeout, caller);
                }
              }
              return Future.failedFuture(failure);
            });
  }

  private static ProblemException circuitOpen(String feed, Upstream.Turn turn) {
    return new ProblemException(
        Problem.of(
                503,
                "upstream-circuit-open",
                "Service unavailable",
                "the " + feed + " service failed repeatedly; calls resume after a pause")
            .with(ProblemResponse.RETRY_AFTER, turn.retryAfterSeconds()));
  }

  private static boolean refused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  private static Response passedOn(HttpClientResponse response, Buffer body) {
    Response.ResponseBuilder answer =
        Response.status(response.statusCode()).entity(body.getBytes());
    for (String name : RETURNED) {
      String value = response.getHeader(name);
      if (value != null) {
        answer.header(name, value);
      }
    }
    return answer.build();
  }

  private static Problem problem(String feed, Throwable failure, Duration timeout) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return Problem.of(
            504,
            "upstream-timeout",
            "Gateway timeout",
            "the " + feed + " service did not answer within " + timeout.toMillis() + " ms");
      }
      if (t instanceof ConnectException) {
        return Problem.of(
            503,
            "upstream-unavailable",
            "Service unavailable",
            "the " + feed + " service cannot be reached");
      }
    }
    return Problem.of(
        502,
        "upstream-failed",
        "Bad gateway",
        "the " + feed + " service closed the connection without an answer");
  }
}
