package cn.gov.jingyang.ops.stack;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.KafkaBroker;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.infra.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The local launcher: a real PostgreSQL and Kafka broker (data kept under {@code .stack/}), the
 * four services as child processes, readiness awaited, URLs printed. {@code up} runs in the
 * foreground until Ctrl-C; {@code down} stops a running stack from another terminal.
 */
public final class Stack {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

  private final StackLayout layout;
  private final Map<ServiceCatalog.Service, Process> services = new LinkedHashMap<>();
  private PostgresServer postgres;
  private KafkaBroker kafka;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private Stack(StackLayout layout) {
    this.layout = layout;
  }

  public static void main(String[] args) throws Exception {
    StackLayout layout = StackLayout.fromEnvironment(Path.of("").toAbsolutePath());
    String command = args.length == 0 ? "help" : args[0];
    switch (command) {
      case "up" -> new Stack(layout).up();
      case "down" -> System.exit(down(layout) ? 0 : 1);
      case "status" -> System.exit(status(layout) ? 0 : 1);
      case "token" -> DevTokens.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      default -> {
        System.out.println("""
            usage: ./stackctl up            start PostgreSQL, Kafka and the four services; Ctrl-C stops all
                   ./stackctl down          stop a running stack (from another terminal)
                   ./stackctl status        readiness of each service
                   ./stackctl token SUBJECT ROLE...   a development JWT for the examples""");
        System.exit("help".equals(command) ? 0 : 2);
      }
    }
  }

  private void up() throws Exception {
    Files.createDirectories(layout.logs());
    Optional<ProcessHandle> running = readPid(layout.launcherPid()).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    if (running.isPresent()) {
      System.err.println("a stack is already running (pid " + running.get().pid() + "); ./stackctl down stops it");
      System.exit(1);
    }
    for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
      if (!Files.exists(layout.serviceJar(service))) {
        System.err.println("missing " + layout.serviceJar(service) + "; run ./stackctl (it builds) or ./mvnw package -DskipTests");
        System.exit(1);
      }
    }
    Files.writeString(layout.launcherPid(), Long.toString(ProcessHandle.current().pid()));
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stack-shutdown"));

    say("PostgreSQL on port %d, data in %s", layout.postgresPort(), layout.postgresData());
    postgres = PostgresServer.start(layout.postgresData(), layout.postgresPort(), false);
    ServiceCatalog.ALL.forEach(s -> postgres.ensureDatabase(s.database()));

    say("Kafka on port %d, data in %s", layout.kafkaPort(), layout.kafkaData());
    kafka = KafkaBroker.start(layout.kafkaData(), layout.kafkaPort(), layout.controllerPort(), false);
    Topics.ensure(kafka.bootstrapServers(), ServiceCatalog.topics(), 6);

    for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
      services.put(service, startService(service));
    }
    recordChildren();
    awaitReadiness();
    printWelcome();
    stopped.await();
  }

  private Process startService(ServiceCatalog.Service service) throws IOException {
    Path log = layout.logs().resolve(service.name() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC", "-jar", layout.serviceJar(service).toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(StackLayout.port(service)));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
    env.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    say("starting %-10s on port %d (log: %s)", service.name(), StackLayout.port(service), layout.root().relativize(log));
    return builder.start();
  }

  private void awaitReadiness() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    List<ServiceCatalog.Service> waiting = new ArrayList<>(services.keySet());
    while (!waiting.isEmpty()) {
      for (var it = waiting.iterator(); it.hasNext(); ) {
        ServiceCatalog.Service service = it.next();
        Process process = services.get(service);
        if (!process.isAlive()) {
          fail(service.name() + " exited with code " + process.exitValue() + "; see .stack/logs/" + service.name() + ".log");
        }
        if (ready(http, service)) {
          say("%-10s is ready", service.name());
          it.remove();
        }
      }
      if (Instant.now().isAfter(deadline)) {
        fail("not ready within " + READY_TIMEOUT + ": " + waiting.stream().map(ServiceCatalog.Service::name).toList());
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  static boolean ready(HttpClient http, ServiceCatalog.Service service) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + StackLayout.port(service) + "/q/health/ready"))
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

  private void printWelcome() {
    StringBuilder out = new StringBuilder("\nThe stack is up. Every readiness check is UP.\n\n");
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      int port = StackLayout.port(s);
      out.append(String.format("  %-10s http://localhost:%d   (API docs: http://localhost:%d/q/swagger-ui)%n", s.name(), port, port));
    }
    out.append(String.format("%n  PostgreSQL  %s (user %s, password %s)%n", postgres.jdbcUrl("<service db>"), PostgresServer.USER, PostgresServer.PASSWORD));
    out.append(String.format("  Kafka       %s%n", kafka.bootstrapServers()));
    out.append(String.format("%n  A development token with role COMMAND, valid 8 hours:%n  %s%n", DevTokens.token("demo-commander", "COMMAND")));
    out.append("\n  More tokens: ./stackctl token <subject> <ROLE>...    Stop: Ctrl-C here, or ./stackctl down\n");
    System.out.println(out);
  }

  private void fail(String message) {
    System.err.println("stack: " + message);
    System.exit(1); // the shutdown hook stops whatever started
  }

  /** Stops services, then Kafka, then PostgreSQL; leaves no process behind. */
  private synchronized void stopAll() {
    if (stopped.getCount() == 0) {
      return;
    }
    say("stopping");
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
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    try {
      Files.deleteIfExists(layout.childPids());
      Files.deleteIfExists(layout.launcherPid());
    } catch (IOException ignored) {
      // nothing more to do
    }
    say("stopped; data kept in %s", layout.data());
    stopped.countDown();
  }

  private void recordChildren() throws IOException {
    List<String> pids = new ArrayList<>();
    services.values().forEach(p -> pids.add(Long.toString(p.pid())));
    pids.add(Long.toString(kafka.pid()));
    Files.write(layout.childPids(), pids);
  }

  /** Stops the stack of another process; also cleans up after a launcher that was killed hard. */
  static boolean down(StackLayout layout) throws Exception {
    Optional<ProcessHandle> launcher = readPid(layout.launcherPid()).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    if (launcher.isPresent()) {
      say("stopping the stack (pid %d)", launcher.get().pid());
      launcher.get().destroy();
      launcher.get().onExit().get(120, TimeUnit.SECONDS);
    }
    boolean leftovers = false;
    if (Files.exists(layout.childPids())) {
      for (String line : Files.readAllLines(layout.childPids())) {
        Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(line.trim())).filter(ProcessHandle::isAlive);
        if (child.isPresent()) {
          leftovers = true;
          child.get().destroy();
          child.get().onExit().get(30, TimeUnit.SECONDS);
        }
      }
      Files.deleteIfExists(layout.childPids());
    }
    Optional<ProcessHandle> postmaster = readPid(layout.postgresData().resolve("postmaster.pid")).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    if (postmaster.isPresent()) {
      leftovers = true;
      postmaster.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
      postmaster.get().onExit().get(60, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(layout.launcherPid());
    if (launcher.isEmpty() && !leftovers) {
      say("no stack was running");
    } else {
      say("stopped");
    }
    return true;
  }

  static boolean status(StackLayout layout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    boolean all = true;
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      boolean ready = ready(http, s);
      all &= ready;
      say("%-10s http://localhost:%d  %s", s.name(), StackLayout.port(s), ready ? "READY" : "not ready");
    }
    return all;
  }

  private static Optional<Long> readPid(Path file) {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
      return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static void say(String format, Object... args) {
    System.out.println("stack: " + String.format(format, args));
  }
}
