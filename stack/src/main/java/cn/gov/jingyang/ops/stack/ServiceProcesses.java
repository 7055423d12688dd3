package cn.gov.jingyang.ops.stack;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.KafkaBroker;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four services as child processes of the launcher: each its packaged jar in the production
 * profile, configured through its environment, then awaited until its readiness check answers. The
 * benchmarks start a single service the same way ({@link #launch}, {@link #awaitReady}).
 */
public final class ServiceProcesses {

  /**
   * The keys the stack's services use: the token verification key bundled with the platform, whose
   * tokens {@code ./stackctl token} mints, and the public development keys that seal personal data
   * at rest. A production-profile service takes them only with the explicit opt-in, which nothing
   * but this launcher sets.
   */
  static final Map<String, String> DEVELOPMENT_KEY =
      Map.of(
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "jwt/dev-public-key.pem",
          // platform pii.PersonalDataSealing.DEVELOPMENT_KEYS and DEVELOPMENT_LOOKUP_KEY
          "OPS_PERSONAL_DATA_KEYS", "dev:amluZ3lhbmctZGV2LXBlcnNvbmFsLWRhdGEta2V5ISE=",
          "OPS_PERSONAL_DATA_LOOKUP_KEY", "amluZ3lhbmctZGV2LWxvb2t1cC1rZXktcHVibGljISE=",
          "OPS_SECURITY_ALLOW_DEVELOPMENT_KEY", "true");

  /** The demo system client the gateway registers in the stack (README examples only). */
  static final String DEMO_CLIENT_ID = "demo-command-desk";

  static final String DEMO_CLIENT_SECRET = "demo-desk-secret-not-for-production";

  /** The demo person login of the stack (README examples only). */
  static final String DEMO_USER = "demo.commander";

  static final String DEMO_PASSWORD = "demo-password-not-for-production";

  /**
   * The gateway signs its tokens with the development key (so they are accepted like {@code
   * ./stackctl token}'s) and registers the demo client and login when they do not exist yet.
   */
  public static Map<String, String> gatewayEnvironment() {
    return Map.of(
        "OPS_GATEWAY_SIGNING_KEY_ID",
        "dev",
        "OPS_GATEWAY_SIGNING_PRIVATE_KEY",
        DevTokens.privateKeyPem(),
        "OPS_GATEWAY_TOKEN_SEED_CLIENTS",
        DEMO_CLIENT_ID + ":" + DEMO_CLIENT_SECRET + ":COMMAND",
        "OPS_GATEWAY_LOGIN_SEED_ACCOUNTS",
        DEMO_USER + ":" + DEMO_PASSWORD + ":COMMAND");
  }

  /**
   * The services' access line: method, path without its query (no personal data), status, duration
   * and the correlation id the service answered with (the caller's or the gateway's {@code
   * X-Request-Id}).
   */
  static final String ACCESS_LINE = "%m %U status=%s durationMs=%D requestId=%{o,X-Correlation-Id}";

  /** Generous: four JVMs start at once, on two cores that may be busy with other work. */
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

  private ServiceProcesses() {}

  static Process start(
      StackLayout layout,
      ServiceCatalog.Service service,
      int n,
      PostgresServer postgres,
      KafkaBroker kafka,
      Map<String, String> overrides)
      throws IOException {
    Path log = layout.log(service, n);
    Map<String, String> env = new HashMap<>();
    if (service.equals(ServiceCatalog.GATEWAY)) {
      // the gateway's routes /api/v1/<name>/... go to the services' instances on the stack's ports
      for (ServiceCatalog.Service upstream : ServiceCatalog.ALL) {
        if (!upstream.equals(ServiceCatalog.GATEWAY)) {
          List<String> instances = new ArrayList<>();
          for (int i = 0; i < layout.instances(); i++) {
            instances.add("http://localhost:" + layout.port(upstream, i));
          }
          env.put(
              "OPS_GATEWAY_ROUTES_" + upstream.name().toUpperCase() + "_UPSTREAM",
              String.join(",", instances));
        }
      }
      env.putAll(gatewayEnvironment());
    } else {
      // a line per request with its correlation id (the gateway writes an access line of its own)
      env.put("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true");
      env.put("QUARKUS_HTTP_ACCESS_LOG_PATTERN", ACCESS_LINE);
      env.put("QUARKUS_HTTP_RECORD_REQUEST_START_TIME", "true"); // for durationMs
    }
    env.putAll(overrides); // the system tests' keys and allowances
    Stack.say(
        "starting %-12s on port %d (log: %s)",
        new ServiceInstance(service, n).label(),
        layout.port(service, n),
        layout.root().relativize(log));
    return launch(
        layout.serviceJar(service),
        log,
        layout.port(service, n),
        postgres.jdbcUrl(service.database()),
        kafka.bootstrapServers(),
        List.of("-Xmx384m", "-Xms32m", "-XX:+UseSerialGC"),
        env);
  }

  /**
   * A packaged service ({@code jar}: its quarkus-run.jar) as a child process in the production
   * profile, on {@code port}, against the given database and broker, trusting the development key;
   * its output appended to {@code log}. {@code env} adds to (or overrides) that environment.
   */
  public static Process launch(
      Path jar,
      Path log,
      int port,
      String jdbcUrl,
      String bootstrapServers,
      List<String> jvmOptions,
      Map<String, String> env)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
    environment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
    environment.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
    environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    environment.putAll(DEVELOPMENT_KEY);
    environment.putAll(env);
    return builder.start();
  }

  /**
   * Returns once the service on {@code port} answers its readiness check.
   *
   * @throws IllegalStateException when the process exits or is not ready within {@code timeout}
   */
  public static void awaitReady(Process process, int port, Duration timeout)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (!ready(http, port)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("exited with code " + process.exitValue());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("not ready within " + timeout);
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  /**
   * Returns once every service answers its readiness check.
   *
   * @throws IllegalStateException when one exits or they are not ready in time
   */
  static void awaitReadiness(StackLayout layout, Map<ServiceInstance, Process> services)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    List<ServiceInstance> waiting = new ArrayList<>(services.keySet());
    while (!waiting.isEmpty()) {
      for (var it = waiting.iterator(); it.hasNext(); ) {
        ServiceInstance instance = it.next();
        Process process = services.get(instance);
        if (!process.isAlive()) {
          throw new IllegalStateException(
              instance.label()
                  + " exited with code "
                  + process.exitValue()
                  + "; see "
                  + layout.log(instance.service(), instance.n()));
        }
        if (ready(http, layout.port(instance.service(), instance.n()))) {
          Stack.say("%-12s is ready", instance.label());
          it.remove();
        }
      }
      if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "not ready within "
                + READY_TIMEOUT
                + ": "
                + waiting.stream().map(ServiceInstance::label).toList());
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  static boolean ready(HttpClient http, int port) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the services: SIGTERM, then forcibly whatever is still running after 30 s. */
  static void stop(Map<ServiceInstance, Process> services) {
    services.values().forEach(Process::destroy);
    for (Map.Entry<ServiceInstance, Process> e : services.entrySet()) {
      try {
        if (!e.getValue().waitFor(30, TimeUnit.SECONDS)) {
          e.getValue().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException ignored) {
        e.getValue().destroyForcibly();
      }
    }
  }

  static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
