package cn.gov.jingyang.ops.gateway.dashboard;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What the dashboard at {@code /} is told by the gateway's configuration. */
@ConfigMapping(prefix = "ops.dashboard")
public interface DashboardConfig {

  /**
   * An XYZ map tile template ({@code https://tiles.example/{z}/{x}/{y}.png}) that the page draws
   * under the district outline; none (the default): the bundled outline alone, which needs no
   * network beyond the gateway.
   */
  Optional<String> tileUrl();
}
