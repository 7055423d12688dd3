package cn.gov.jingyang.ops.gateway.ratelimit;

import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address in front of the endpoints that take credentials ({@code POST
 * /oauth/token}, {@code POST /auth/login}), whatever the outcome of the attempt: guessing secrets
 * and passwords, and the slow hash each attempt costs, are limited before any work is done. An
 * empty bucket is 429 with {@code Retry-After}: problem+json at {@code /auth/login}, OAuth's error
 * JSON ({@code slow_down}) at {@code /oauth/token}, whose clients parse that shape.
 */
@ApplicationScoped
public class CredentialRateLimiter {

  static final String TOKEN_PATH = "/oauth/token";
  static final String LOGIN_PATH = "/auth/login";

  @Inject RateLimitConfig config;
  @Inject ObjectMapper mapper;
  @Inject Vertx vertx;

  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  void install(@Observes Router router) {
    if (!config.enabled()) {
      return;
    }
    router.route(TOKEN_PATH).order(RateLimiter.ORDER).handler(ctx -> limit(ctx, true));
    router.route(LOGIN_PATH).order(RateLimiter.ORDER).handler(ctx -> limit(ctx, false));
    vertx.setPeriodic(config.sweepInterval().toMillis(), id -> sweep());
  }

  private void limit(RoutingContext ctx, boolean oauth) {
    String address =
        ctx.request().remoteAddress() == null
            ? "unknown"
            : ctx.request().remoteAddress().hostAddress();
    RateLimitConfig.Allowance allowance = config.credentials();
    long now = System.nanoTime();
    TokenBucket bucket =
        buckets.computeIfAbsent(
            address, k -> new TokenBucket(allowance.capacity(), allowance.refillPerSecond(), now));
    TokenBucket.Take take = bucket.take(now);
    var headers = ctx.response().headers();
    headers.set("RateLimit-Limit", String.valueOf(bucket.capacity()));
    headers.set("RateLimit-Remaining", String.valueOf(take.remaining()));
    headers.set("RateLimit-Reset", String.valueOf(take.resetSeconds()));
    if (take.granted()) {
      ctx.next();
      return;
    }
    String detail =
        "too many attempts from this address; try again after " + take.retryAfterSeconds() + " s";
    boolean close = !ctx.request().isEnded(); // an unread body is not worth reading
    if (oauth) {
      var response = ctx.response();
      response
          .setStatusCode(429)
          .putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store")
          .putHeader("Retry-After", String.valueOf(take.retryAfterSeconds()));
      if (close) {
        response.putHeader("Connection", "close");
      }
      response.end(
          new JsonObject().put("error", "slow_down").put("error_description", detail).encode());
      return;
    }
    Problem problem =
        Problem.of(429, "rate-limited", "Too many requests", detail)
            .with(ProblemResponse.RETRY_AFTER, take.retryAfterSeconds());
    ProblemResponse.send(ctx, problem, mapper, close);
  }

  private void sweep() {
    long now = System.nanoTime();
    buckets.values().removeIf(bucket -> bucket.isFull(now));
  }
}
