package cn.gov.jingyang.ops.stack;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.nio.file.Path;

/** Where the stack keeps things, and on which ports it runs (all settable from the environment). */
record StackLayout(Path root, Path data, int postgresPort, int kafkaPort, int controllerPort) {

  static StackLayout fromEnvironment(Path root) {
    Path data = Path.of(env("STACK_DATA_DIR", root.resolve(".stack").toString())).toAbsolutePath();
    return new StackLayout(
        root,
        data,
        Integer.parseInt(env("STACK_POSTGRES_PORT", "5432")),
        Integer.parseInt(env("STACK_KAFKA_PORT", "9092")),
        Integer.parseInt(env("STACK_KAFKA_CONTROLLER_PORT", "9093")));
  }

  Path postgresData() {
    return data.resolve("postgres");
  }

  Path kafkaData() {
    return data.resolve("kafka");
  }

  Path logs() {
    return data.resolve("logs");
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

  static int port(ServiceCatalog.Service service) {
    return Integer.parseInt(
        env("STACK_" + service.name().toUpperCase() + "_PORT", Integer.toString(service.port())));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
