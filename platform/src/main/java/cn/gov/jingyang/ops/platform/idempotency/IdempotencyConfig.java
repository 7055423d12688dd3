package cn.gov.jingyang.ops.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of idempotent requests, under {@code ops.idempotency.*}. */
@ConfigMapping(prefix = "ops.idempotency")
public interface IdempotencyConfig {

  /** How long a key and its stored response are kept; afterwards the key is new again. */
  @WithDefault("24h")
  Duration retention();

  /**
   * How long a duplicate waits for the first request with its key to finish before it is answered
   * 409 (request in progress) with Retry-After.
   */
  @WithDefault("10s")
  Duration duplicateWait();
}
