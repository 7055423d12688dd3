package cn.gov.jingyang.ops.platform.testapp;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The test app on a PostgreSQL of its own ({@link OutagePostgres}) that a test may stop: the shared
 * infrastructure resource is left out, so nothing else points the app at the shared server.
 */
public class PostgresOutageProfile implements QuarkusTestProfile {

  @Override
  public boolean disableGlobalTestResources() {
    return true;
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(OutagePostgres.class));
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    // retries of a stuck record every second at most, so the test sees the recovery quickly
    return Map.of("ops.consumer.transient-max-backoff", "1s");
  }
}
