package cn.gov.jingyang.ops.stack;

import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the stack keeps things, and on which ports it runs: {@code ./stackctl} takes them from the
 * environment, the system tests from {@link #onFreePorts}.
 */
public record StackLayout(
    Path root,
    Path data,
    int postgresPort,
    int kafkaPort,
    int controllerPort,
    Map<String, List<Integer>> servicePorts) {

  /** Port of a service's instance {@code n} (from 0) in {@code ./stackctl}: its port + 100 n. */
  static final int INSTANCE_PORT_STEP = 100;

  public StackLayout {
    servicePorts = Map.copyOf(servicePorts);
  }

  static StackLayout fromEnvironment(Path root) {
    return fromEnvironment(root, 1);
  }

  /** {@code instances} of every service, on the configured port and each 100 above the last. */
  static StackLayout fromEnvironment(Path root, int instances) {
    Path data = Path.of(env("STACK_DATA_DIR", root.resolve(".stack").toString())).toAbsolutePath();
    Map<String, List<Integer>> ports = new HashMap<>();
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      int first =
          Integer.parseInt(
              env("STACK_" + s.name().toUpperCase() + "_PORT", Integer.toString(s.port())));
      List<Integer> each = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        each.add(first + i * INSTANCE_PORT_STEP);
      }
      ports.put(s.name(), each);
    }
    return new StackLayout(
        root,
        data,
        Integer.parseInt(env("STACK_POSTGRES_PORT", "5432")),
        Integer.parseInt(env("STACK_KAFKA_PORT", "9092")),
        Integer.parseInt(env("STACK_KAFKA_CONTROLLER_PORT", "9093")),
        ports);
  }

  /**
   * The services' jars under {@code root} (the repository), data under {@code data}, every server
   * on a free port: a stack that does not collide with a running {@code ./stackctl up}.
   */
  public static StackLayout onFreePorts(Path root, Path data) {
    return onFreePorts(root, data, 1);
  }

  /** As {@link #onFreePorts(Path, Path)}, with {@code instances} of every service. */
  public static StackLayout onFreePorts(Path root, Path data, int instances) {
    Map<String, List<Integer>> ports = new HashMap<>();
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      List<Integer> each = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        each.add(FreePorts.next());
      }
      ports.put(s.name(), each);
    }
    return new StackLayout(
        root.toAbsolutePath(),
        data.toAbsolutePath(),
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        ports);
  }

  /** PostgreSQL's data directory (tables, WAL, its log). */
  public Path postgresData() {
    return data.resolve("postgres");
  }

  /** Kafka's log directory (its topics' segments). */
  public Path kafkaData() {
    return data.resolve("kafka");
  }

  public Path logs() {
    return data.resolve("logs");
  }

  /** The log file of a service process (its standard output and error, appended). */
  public Path log(ServiceCatalog.Service service) {
    return log(service, 0);
  }

  /**
   * The log file of a service's instance {@code n} (from 0): {@code <service>.log} for the first,
   * {@code <service>-2.log} for the second...
   */
  public Path log(ServiceCatalog.Service service, int n) {
    return logs().resolve(service.name() + (n == 0 ? "" : "-" + (n + 1)) + ".log");
  }

  Path launcherPid() {
    return data.resolve("stack.pid");
  }

  Path childPids() {
    return data.resolve("children.pids");
  }

  Path serviceJar(ServiceCatalog.Service service) {
    return root.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
  }

  /** The port of a service's first instance. */
  public int port(ServiceCatalog.Service service) {
    return port(service, 0);
  }

  public int port(ServiceCatalog.Service service, int n) {
    return servicePorts.get(service.name()).get(n);
  }

  /** How many instances of each service the stack runs. */
  public int instances() {
    return servicePorts.values().iterator().next().size();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
