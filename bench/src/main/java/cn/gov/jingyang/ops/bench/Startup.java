package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.stack.ServiceProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * P4, one service alone: the suite's own process of it is stopped, and the packaged service is
 * started again on its port exactly as the launcher starts it (same JVM options and environment),
 * timed from {@link ProcessBuilder#start} to the first 200 of {@code /q/health/ready} (asked every
 * 20 ms); its RSS 5 s after that (idle) and after a 5 s burst of GETs. Then the suite's process
 * comes back.
 */
final class Startup {

  /** A cheap authenticated GET of each service, for the burst (the gateway's goes through). */
  static final Map<ServiceCatalog.Service, String> BURST_PATH =
      Map.of(
          ServiceCatalog.GATEWAY, "/api/v1/checkpoint/risk-rules",
          ServiceCatalog.CHECKPOINT, "/risk-rules",
          ServiceCatalog.CASE, "/verification-tasks?size=20",
          ServiceCatalog.PERSONNEL, "/people?size=20");

  /** Wall time to ready, the CPU time the process used until then, RSS idle and after a burst. */
  /**
   * The launcher's (stack module, ServiceProcesses#start); {@code -Dbench.alone-jvm} to try others.
   */
  static final List<String> JVM_OPTIONS =
      List.of(
          System.getProperty("bench.alone-jvm", "-Xmx384m -XX:+UseSerialGC").trim().split("\\s+"));

  /** Options to compare with in the same run ({@code -Dbench.alone-jvm-alt}). */
  static final List<String> ALT_JVM_OPTIONS =
      List.of(
          System.getProperty("bench.alone-jvm-alt", "-Xmx384m -Xms32m -XX:+UseSerialGC")
              .trim()
              .split("\\s+"));

  record Run(double readySeconds, double cpuSeconds, long idleRssMb, long loadedRssMb) {}

  private final BenchStack stack;
  private final Path logs;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  Startup(BenchStack stack, Path logs) {
    this.stack = stack;
    this.logs = logs;
  }

  /**
   * {@code rounds} starts with the launcher's options, then {@code altRounds} with {@code
   * altOptions} (what other JVM options would change), the latter added to {@code alt}.
   */
  List<Run> alone(
      ServiceCatalog.Service service,
      int rounds,
      List<String> altOptions,
      int altRounds,
      List<Run> alt)
      throws Exception {
    List<Run> runs = new ArrayList<>();
    stack.suite().stop(service);
    try {
      for (int round = 1; round <= rounds; round++) {
        runs.add(once(service, round, JVM_OPTIONS));
        ImportBenchmark.say("P4 %s alone, run %d: %s", service.name(), round, runs.get(round - 1));
      }
      for (int round = 1; round <= altRounds; round++) {
        alt.add(once(service, rounds + round, altOptions));
        ImportBenchmark.say("P4 %s alone, %s: %s", service.name(), altOptions, alt.get(round - 1));
      }
    } finally {
      stack.suite().restart(service);
    }
    return runs;
  }

  private Run once(ServiceCatalog.Service service, int round, List<String> jvmOptions)
      throws Exception {
    int port = stack.port(service);
    Path jar =
        stack
            .suite()
            .layout()
            .root()
            .resolve(service.module())
            .resolve("target/quarkus-app/quarkus-run.jar");
    Files.createDirectories(logs);
    long started = System.nanoTime();
    Process process =
        ServiceProcesses.launch(
            jar,
            logs.resolve(service.name() + "-alone-" + round + ".log"),
            port,
            stack.suite().jdbcUrl(service.database()),
            stack.bootstrapServers(),
            jvmOptions,
            environment(service));
    try {
      awaitReady(process, port, started);
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpu =
          process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
      TimeUnit.SECONDS.sleep(5);
      long idle = Machine.rssMb(process.pid());
      new Wrk(1, 4)
          .run("http://localhost:" + port + BURST_PATH.get(service), BenchStack.COMMAND, 5);
      long loaded = Machine.rssMb(process.pid());
      return new Run(seconds, cpu, idle, loaded);
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** What the launcher sets for the service (stack module, ServiceProcesses#start). */
  private Map<String, String> environment(ServiceCatalog.Service service) {
    Map<String, String> env = new HashMap<>();
    if (service.equals(ServiceCatalog.GATEWAY)) {
      for (ServiceCatalog.Service upstream : ServiceCatalog.ALL) {
        if (!upstream.equals(ServiceCatalog.GATEWAY)) {
          env.put(
              "OPS_GATEWAY_ROUTES_" + upstream.name().toUpperCase() + "_UPSTREAM",
              stack.url(upstream));
        }
      }
      env.put("OPS_GATEWAY_SIGNING_KEY_ID", "dev");
      env.put("OPS_GATEWAY_SIGNING_PRIVATE_KEY", DevTokens.privateKeyPem());
    } else {
      env.put("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true");
      env.put(
          "QUARKUS_HTTP_ACCESS_LOG_PATTERN",
          "%m %U status=%s durationMs=%D requestId=%{o,X-Correlation-Id}");
      env.put("QUARKUS_HTTP_RECORD_REQUEST_START_TIME", "true");
    }
    env.putAll(BenchStack.overrides().getOrDefault(service, Map.of()));
    return env;
  }

  private void awaitReady(Process process, int port, long started) throws InterruptedException {
    URI ready = URI.create("http://localhost:" + port + "/q/health/ready");
    while (true) {
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("exited with code " + process.exitValue());
      }
      if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
        throw new IllegalStateException("not ready within 5 minutes");
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
