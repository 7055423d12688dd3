package cn.gov.jingyang.ops.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: points the application under test at the shared test PostgreSQL (its
 * own database, named by the {@code database} init argument) and the shared Kafka broker.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

  private String database = "platform_test";

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    return TestInfrastructure.get().quarkusConfig(database);
  }

  @Override
  public void stop() {
    // the servers live as long as the test JVM: Quarkus restarts must not restart them
  }
}
