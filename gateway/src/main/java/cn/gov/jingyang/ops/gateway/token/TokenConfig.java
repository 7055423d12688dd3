package cn.gov.jingyang.ops.gateway.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The tokens the gateway issues and the clients it knows, under {@code ops.gateway.token.*}. */
@ConfigMapping(prefix = "ops.gateway.token")
public interface TokenConfig {

  /** {@code iss} of issued tokens: what the services expect ({@code mp.jwt.verify.issuer}). */
  String issuer();

  /** {@code aud} of issued tokens. */
  @WithDefault("jingyang-ops")
  String audience();

  /** Lifetime of a client's token. */
  @WithDefault("PT15M")
  Duration lifetime();

  /** PBKDF2-HMAC-SHA256 iterations of new secret and password hashes ({@link PasswordHash}). */
  @WithDefault("600000")
  int hashIterations();

  /** Clients created at start when absent: {@code ID:SECRET:ROLE+ROLE[:UNIT_ID]}. */
  Optional<List<String>> seedClients();
}
