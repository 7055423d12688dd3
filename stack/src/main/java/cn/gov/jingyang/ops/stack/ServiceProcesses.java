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
   * The token verification key the stack's services trust: the development key bundled with the
   * platform, whose tokens {@code ./stackctl token} mints. A production-profile service takes it
   * only with the explicit opt-in, which nothing but this launcher sets.
   */
  static final Map<String, String> DEVELOPMENT_KEY =
      Map.of(
          "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "jwt/dev-public-key.pem",
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
  static Map<String, String> gatewayEnvironment() {
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

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

  private ServiceProcesses() {}

  static Process start(
      StackLayout layout,
      ServiceCatalog.Service service,
      PostgresServer postgres,
      KafkaBroker kafka)
      throws IOException {
    Path log = layout.logs().resolve(service.name() + ".log");
    Map<String, String> env = new HashMap<>();
    if (service.equals(ServiceCatalog.GATEWAY)) {
      // the gateway's routes /api/v1/<name>/... go to the services on the stack's ports
      for (ServiceCatalog.Service upstream : ServiceCatalog.ALL) {
        if (!upstream.equals(ServiceCatalog.GATEWAY)) {
          env.put(
              "OPS_GATEWAY_ROUTES_" + upstream.name().toUpperCase() + "_UPSTREAM",
              "http://localhost:" + StackLayout.port(upstream));
        }
      }
      env.putAll(gatewayEnvironment());
    }
    Stack.say(
        "starting %-10s on port %d (log: %s)",
        service.name(), StackLayout.port(service), layout.root().relativize(log));
    return launch(
        layout.serviceJar(service),
        log,
        StackLayout.port(service),
        postgres.jdbcUrl(service.database()),
        kafka.bootstrapServers(),
        List.of("-Xmx384m", "-XX:+UseSerialGC"),
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
  static void awaitReadiness(Map<ServiceCatalog.Service, Process> services)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    List<ServiceCatalog.Service> waiting = new ArrayList<>(services.keySet());
    while (!waiting.isEmpty()) {
      for (var it = waiting.iterator(); it.hasNext(); ) {
        ServiceCatalog.Service service = it.next();
        Process process = services.get(service);
        if (!process.isAlive()) {
          throw new IllegalStateException(
              service.name()
                  + " exited with code "
                  + process.exitValue()
                  + "; see .stack/logs/"
                  + service.name()
                  + ".log");
        }
        if (ready(http, service)) {
          Stack.say("%-10s is ready", service.name());
          it.remove();
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "not ready within "
                + READY_TIMEOUT
                + ": "
                + waiting.stream().map(ServiceCatalog.Service::name).toList());
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  static boolean ready(HttpClient http, ServiceCatalog.Service service) {
    return ready(http, StackLayout.port(service));
  }

  private static boolean ready(HttpClient http, int port) {
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
  static void stop(Map<ServiceCatalog.Service, Process> services) {
    services.values().forEach(Process::destroy);
    for (Map.Entry<ServiceCatalog.Service, Process> e : services.entrySet()) {
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
