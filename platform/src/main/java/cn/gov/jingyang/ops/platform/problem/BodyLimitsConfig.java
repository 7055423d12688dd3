package cn.gov.jingyang.ops.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Request body limits of {@link BodySizeLimit}, under {@code ops.http.limits}. Without them every
 * body is bounded by {@code quarkus.http.limits.max-body-size}.
 */
@ConfigMapping(prefix = "ops.http.limits")
public interface BodyLimitsConfig {

  /** The limit of every path but the large-body ones (default: quarkus.http.limits...). */
  Optional<MemorySize> maxBodySize();

  /**
   * Exact request paths (e.g. {@code /imports}) bounded only by {@code
   * quarkus.http.limits.max-body-size}, which is then their larger cap; their chunked bodies are
   * streamed to the endpoint, never buffered.
   */
  Optional<List<String>> largeBodyPaths();
}
