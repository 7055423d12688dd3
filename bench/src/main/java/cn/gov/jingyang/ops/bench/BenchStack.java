package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.FileTrees;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.stack.StackLayout;
import cn.gov.jingyang.ops.stack.Suite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole suite as {@code ./stackctl up} runs it (the stack module's {@link Suite}: embedded
 * PostgreSQL and Kafka, the four packaged services as child processes), on free ports with its data
 * under bench/target, and the gateway's rate limits raised so that a load client is not refused.
 * The limiter still runs on every request.
 */
final class BenchStack implements AutoCloseable {

  /** The role the benchmarks read with (the situation report needs COMMAND or AUDITOR). */
  static final String COMMAND = DevTokens.token("bench.command", "COMMAND");

  private final Suite suite;

  private BenchStack(Suite suite) {
    this.suite = suite;
  }

  /** Starts a fresh stack (new data directory) and returns once every service is ready. */
  static BenchStack start(Path repository, Path data) throws Exception {
    FileTrees.delete(data);
    Suite suite = new Suite(StackLayout.onFreePorts(repository, data), overrides());
    try {
      suite.start();
    } catch (Exception | Error e) {
      suite.close();
      throw e;
    }
    return new BenchStack(suite);
  }

  /**
   * The suite on fresh data with {@code overrides}; a start that fails (Kafka not ready in its 90 s
   * on a busy host) is cleaned up and tried again, three times at most.
   */
  static Suite startedWithRetries(
      Path repository, Path data, Map<ServiceCatalog.Service, Map<String, String>> overrides)
      throws Exception {
    for (int attempt = 1; ; attempt++) {
      FileTrees.delete(data);
      Suite suite = new Suite(StackLayout.onFreePorts(repository, data), overrides);
      try {
        suite.start();
        return suite;
      } catch (IllegalStateException e) {
        suite.close();
        if (attempt == 3) {
          throw e;
        }
        System.out.printf("[bench] the suite did not start (%s): again%n", e.getMessage());
      }
    }
  }

  /** The environment the bench adds: only the gateway's allowances, far above any load here. */
  static Map<ServiceCatalog.Service, Map<String, String>> overrides() {
    Map<String, String> gateway = new HashMap<>();
    for (String bucket :
        new String[] {"ANONYMOUS", "AUTHENTICATED", "ROLES_COMMAND", "ROLES_CHECKPOINT_OFFICER"}) {
      gateway.put("OPS_GATEWAY_RATE_LIMIT_" + bucket + "_CAPACITY", "100000000");
      gateway.put("OPS_GATEWAY_RATE_LIMIT_" + bucket + "_REFILL_PER_SECOND", "1000000");
    }
    Map<ServiceCatalog.Service, Map<String, String>> env = new HashMap<>();
    for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
      // a start on a host with a load average of 50 on 2 cores waited more than the default 5 s
      // for its first connection (Flyway) and exited; nothing else changes
      env.put(service, new HashMap<>(Map.of("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "30S")));
    }
    env.get(ServiceCatalog.GATEWAY).putAll(gateway);
    return env;
  }

  Suite suite() {
    return suite;
  }

  int port(ServiceCatalog.Service service) {
    return suite.port(service);
  }

  String url(ServiceCatalog.Service service) {
    return "http://localhost:" + port(service);
  }

  String bootstrapServers() {
    return suite.kafkaBootstrapServers();
  }

  Connection database(ServiceCatalog.Service service) throws SQLException {
    return DriverManager.getConnection(
        suite.jdbcUrl(service.database()), PostgresServer.USER, PostgresServer.PASSWORD);
  }

  /** The suite's own process of a service (a child of this JVM, found by its jar). */
  Optional<ProcessHandle> process(ServiceCatalog.Service service) {
    String jar = "/" + service.module() + "/target/quarkus-app/quarkus-run.jar";
    return ProcessHandle.current()
        .children()
        .filter(p -> p.info().commandLine().orElse("").contains(jar))
        .findFirst();
  }

  /** Runs {@code jcmd <pid> args...} against a service (JFR.start, JFR.stop) and waits for it. */
  void jcmd(ServiceCatalog.Service service, String... args) throws Exception {
    long pid = process(service).orElseThrow().pid();
    List<String> command = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
    command.addAll(List.of(args));
    new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  long rssMb(ServiceCatalog.Service service) {
    return process(service).map(p -> Machine.rssMb(p.pid())).orElse(-1L);
  }

  @Override
  public void close() {
    suite.close();
  }
}
