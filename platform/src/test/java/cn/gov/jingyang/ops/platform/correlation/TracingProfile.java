package cn.gov.jingyang.ops.platform.correlation;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test app with the OpenTelemetry SDK on (it is off by default) and the consumers' line per
 * applied event. Nothing listens for the exported spans: the exporter's batch waits an hour.
 */
public class TracingProfile implements QuarkusTestProfile {

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.otel.sdk.disabled", "false",
        "quarkus.otel.bsp.schedule.delay", "1h",
        "ops.consumer.log-applied", "true");
  }
}
