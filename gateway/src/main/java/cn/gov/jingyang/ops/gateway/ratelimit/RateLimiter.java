package cn.gov.jingyang.ops.gateway.ratelimit;

import cn.gov.jingyang.ops.gateway.access.Caller;
import cn.gov.jingyang.ops.gateway.access.Callers;
import cn.gov.jingyang.ops.gateway.routing.ReverseProxy;
import cn.gov.jingyang.ops.gateway.routing.RoutesConfig;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client token buckets in front of the routed API ({@code /api/v1/...}) and the gateway's own
 * public endpoints (tokens, keys, client registration): a request that finds its client's bucket
 * empty gets 429 problem+json with {@code Retry-After}; every answer carries {@code
 * RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}. The buckets live in
 * this instance's memory (see the gateway README for several instances).
 */
@ApplicationScoped
public class RateLimiter {

  /** After the platform's header and body size checks (-5, -3), before the routes. */
  static final int ORDER = -2;

  @Inject RateLimitConfig config;
  @Inject RoutesConfig routes;
  @Inject Callers callers;
  @Inject ObjectMapper mapper;
  @Inject Vertx vertx;

  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  void install(@Observes Router router) {
    if (!config.enabled()) {
      return;
    }
    router.route(routes.basePath() + "/*").order(ORDER).handler(this::limit);
    config.ownPaths().forEach(path -> router.route(path).order(ORDER).handler(this::limit));
    vertx.setPeriodic(config.sweepInterval().toMillis(), id -> sweep());
  }

  private void limit(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!request.isEnded()) {
      request.pause(); // the body waits for the proxy while the caller is identified
    }
    callers
        .identify(ctx)
        .onComplete(
            identified -> {
              Caller caller =
                  identified.succeeded() ? identified.result() : Caller.anonymous("unknown");
              admit(ctx, caller);
            });
  }

  private void admit(RoutingContext ctx, Caller caller) {
    Map.Entry<String, RateLimitConfig.Allowance> allowance = allowanceOf(caller);
    long now = System.nanoTime();
    String key =
        (caller.authenticated() ? "sub:" : "ip:") + caller.subject() + "|" + allowance.getKey();
    TokenBucket bucket =
        buckets.computeIfAbsent(
            key,
            k ->
                new TokenBucket(
                    allowance.getValue().capacity(), allowance.getValue().refillPerSecond(), now));
    TokenBucket.Take take = bucket.take(now);
    var headers = ctx.response().headers();
    headers.set("RateLimit-Limit", String.valueOf(bucket.capacity()));
    headers.set("RateLimit-Remaining", String.valueOf(take.remaining()));
    headers.set("RateLimit-Reset", String.valueOf(take.resetSeconds()));
    if (take.granted()) {
      if (!ReverseProxy.isRouted(routes, ctx.normalizedPath())) {
        ctx.request().resume(); // the gateway's own resources read their bodies themselves
      }
      ctx.next();
      return;
    }
    Problem problem =
        Problem.of(
                429,
                "rate-limited",
                "Too many requests",
                "this client has used its allowance of "
                    + bucket.capacity()
                    + " requests; try again after "
                    + take.retryAfterSeconds()
                    + " s")
            .with(ProblemResponse.RETRY_AFTER, take.retryAfterSeconds());
    // an unread body is not worth reading: the connection closes after the answer
    ProblemResponse.send(ctx, problem, mapper, !ctx.request().isEnded());
  }

  /** The largest allowance among the caller's roles; a role-less caller gets the baseline. */
  private Map.Entry<String, RateLimitConfig.Allowance> allowanceOf(Caller caller) {
    if (!caller.authenticated()) {
      return Map.entry("anonymous", config.anonymous());
    }
    return config.roles().entrySet().stream()
        .filter(role -> caller.roles().contains(role.getKey()))
        .max(
            Comparator.comparingLong(
                    (Map.Entry<String, RateLimitConfig.Allowance> role) ->
                        role.getValue().capacity())
                .thenComparingDouble(role -> role.getValue().refillPerSecond()))
        .orElse(Map.entry("authenticated", config.authenticated()));
  }

  private void sweep() {
    long now = System.nanoTime();
    buckets.values().removeIf(bucket -> bucket.isFull(now));
  }
}
