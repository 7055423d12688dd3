package cn.gov.jingyang.ops.gateway.cors;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Which browser origins may call the gateway's API, and with what. */
@ConfigMapping(prefix = "ops.gateway.cors")
public interface CorsConfig {

  /**
   * Allowed origins, exactly as browsers send them ({@code https://dashboard.example}); none: no
   * CORS.
   */
  Optional<List<String>> origins();

  @WithDefault("GET,HEAD,POST,PUT,PATCH,DELETE")
  List<String> methods();

  @WithDefault(
      "Authorization,Content-Type,Accept,If-Match,If-None-Match,Idempotency-Key,X-Request-Id,traceparent,tracestate")
  List<String> headers();

  @WithDefault(
      "ETag,Location,Retry-After,RateLimit-Limit,RateLimit-Remaining,RateLimit-Reset,X-Request-Id,traceparent")
  List<String> exposedHeaders();

  /** How long a browser may keep a preflight answer. */
  @WithDefault("10m")
  Duration maxAge();
}
