package cn.gov.jingyang.ops.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Quarkus test resource: points the application under test at the shared test PostgreSQL (its own
 * database, named by the {@code database} init argument) and the shared Kafka broker.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

  private String database = "platform_test";
  private List<String> topics = List.of();

  /**
   * Init args: {@code database} (required name), {@code topics} (extra topics, comma-separated).
   */
  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
    String extra = initArgs.getOrDefault("topics", "");
    topics = Arrays.stream(extra.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
  }

  @Override
  public Map<String, String> start() {
    TestInfrastructure infra = TestInfrastructure.get();
    if (!topics.isEmpty()) {
      Topics.ensure(infra.bootstrapServers(), topics, 3);
    }
    return infra.quarkusConfig(database);
  }

  @Override
  public void stop() {
    // the servers live as long as the test JVM: Quarkus restarts must not restart them
  }
}
