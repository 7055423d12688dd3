package cn.gov.jingyang.ops.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's routes: {@code /api/v1/<name>/...} goes to {@code <upstream>/...}. Routing is
 * configuration, not code: a new upstream is a new {@code ops.gateway.routes.<name>.*} block.
 */
@ConfigMapping(prefix = "ops.gateway")
public interface RoutesConfig {

  /** The public path every route hangs under. */
  @WithDefault("/api/v1")
  String basePath();

  /** Route name (the path segment after the base path) → where and how to forward. */
  Map<String, Route> routes();

  interface Route {

    /**
     * Base URL of the upstream service, e.g. {@code http://localhost:8081}, or of each of its
     * instances, comma-separated ({@code http://10.0.0.5:8081,http://10.0.0.6:8081}): requests are
     * spread over them in turn, and one that cannot be connected to is skipped.
     */
    String upstream();

    /** The instances of {@link #upstream()}, in the order configured. */
    default List<URI> instances() {
      return Arrays.stream(upstream().split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .map(URI::create)
          .toList();
    }

    /** How long the upstream may take to start answering before the caller gets 504. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * Paths of the upstream whose requests may run long — a large upload such as the provincial
     * import, one POST of millions of rows — and get {@link #longTimeout()} instead.
     */
    Optional<List<String>> longPaths();

    @WithDefault("30m")
    Duration longTimeout();

    /** The timeout of a request to {@code path} (the upstream path, without its query). */
    default Duration timeoutFor(String path) {
      String p = path.toLowerCase(Locale.ROOT);
      boolean isLong =
          longPaths().orElse(List.of()).stream()
              .map(l -> l.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
              .anyMatch(l -> p.equals(l) || p.startsWith(l + "/"));
      return isLong ? longTimeout() : timeout();
    }

    /** Extra tries of a GET or HEAD whose connection failed before any answer came. */
    @WithDefault("1")
    int retries();

    /** Paths of the upstream that are never forwarded (its internals): 404 at the gateway. */
    @WithDefault("/events,/admin,/q")
    List<String> hiddenPaths();

    /** Failures (connection refused or reset, timeouts) within the window that open the breaker. */
    @WithDefault("5")
    int failureThreshold();

    @WithDefault("30s")
    Duration failureWindow();

    /** How long an open breaker refuses at once before one probe request is let through. */
    @WithDefault("15s")
    Duration openDuration();
  }
}
