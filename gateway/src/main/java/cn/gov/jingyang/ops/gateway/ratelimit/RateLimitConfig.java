package cn.gov.jingyang.ops.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Per-client request allowances at the gateway. A caller with a valid token is counted by its
 * subject and gets the largest allowance among its roles; anyone else is counted by client address
 * and gets the anonymous allowance.
 */
@ConfigMapping(prefix = "ops.gateway.rate-limit")
public interface RateLimitConfig {

  @WithDefault("true")
  boolean enabled();

  /** Callers without a valid token, counted per client IP address. */
  Allowance anonymous();

  /** Callers with a valid token but none of the roles below. */
  Allowance authenticated();

  /**
   * Per client address, at {@code POST /oauth/token} and {@code POST /auth/login} (every attempt,
   * whatever its outcome).
   */
  Allowance credentials();

  /** Role name → allowance; the largest allowance among a caller's roles wins. */
  Map<String, Allowance> roles();

  /**
   * The gateway's own public endpoints that are limited too, besides everything under the base path
   * (a path ending in {@code /*} takes what is below it). The token endpoint and login are not
   * among them: {@link CredentialRateLimiter} counts every attempt there per address.
   */
  @WithDefault(
      "/.well-known/jwks.json,/admin/clients,/admin/clients/*,/admin/accounts,/admin/accounts/*")
  java.util.List<String> ownPaths();

  /** How often buckets that have refilled completely are forgotten. */
  @WithDefault("1m")
  Duration sweepInterval();

  interface Allowance {
    /** Burst: requests a client may send at once. */
    @WithDefault("60")
    long capacity();

    /** Tokens added back per second (the sustained rate). */
    @WithDefault("1")
    double refillPerSecond();
  }
}
