package cn.gov.jingyang.ops.gateway.login;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** People's password logins, under {@code ops.gateway.login.*}. */
@ConfigMapping(prefix = "ops.gateway.login")
public interface LoginConfig {

  /** Lifetime of a person's token. */
  @WithDefault("PT1H")
  Duration tokenLifetime();

  /** Failures per username or per address within the window before logins are refused (429). */
  @WithDefault("5")
  int maxFailures();

  @WithDefault("PT15M")
  Duration failureWindow();

  /** Accounts created at start when absent: {@code USERNAME:PASSWORD:ROLE+ROLE[:UNIT_ID]}. */
  Optional<List<String>> seedAccounts();
}
