package cn.gov.jingyang.ops.stack;

import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.nio.file.Path;
import java.util.HashMap;
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
    Map<String, Integer> servicePorts) {

  public StackLayout {
    servicePorts = Map.copyOf(servicePorts);
  }

  static StackLayout fromEnvironment(Path root) {
    Path data = Path.of(env("STACK_DATA_DIR", root.resolve(".stack").toString())).toAbsolutePath();
    Map<String, Integer> ports = new HashMap<>();
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      ports.put(
          s.name(),
          Integer.parseInt(
              env("STACK_" + s.name().toUpperCase() + "_PORT", Integer.toString(s.port()))));
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
    Map<String, Integer> ports = new HashMap<>();
    ServiceCatalog.ALL.forEach(s -> ports.put(s.name(), FreePorts.next()));
    return new StackLayout(
        root.toAbsolutePath(),
        data.toAbsolutePath(),
        FreePorts.next(),
        FreePorts.next(),
        FreePorts.next(),
        ports);
  }

  Path postgresData() {
    return data.resolve("postgres");
  }

  Path kafkaData() {
    return data.resolve("kafka");
  }

  public Path logs() {
    return data.resolve("logs");
  }

  /** The log file of a service process (its standard output and error, appended). */
  public Path log(ServiceCatalog.Service service) {
    return logs().resolve(service.name() + ".log");
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

  public int port(ServiceCatalog.Service service) {
    return servicePorts.get(service.name());
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
