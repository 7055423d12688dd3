package cn.gov.jingyang.ops.stack;

import cn.gov.jingyang.ops.infra.KafkaBroker;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.infra.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite in this process's care: a real PostgreSQL with the services' databases, a real
 * Kafka broker with the topics, the four services as child processes from their packaged jars (as
 * many instances of each as the layout says, the gateway routing to all of them), all ready. {@code
 * ./stackctl up} runs one until Ctrl-C; the system tests run one per test JVM and stop or restart
 * single services of it.
 */
public final class Suite implements AutoCloseable {

  /** The demo system client (role COMMAND) the gateway of every suite registers at start. */
  public static final String DEMO_CLIENT_ID = ServiceProcesses.DEMO_CLIENT_ID;

  public static final String DEMO_CLIENT_SECRET = ServiceProcesses.DEMO_CLIENT_SECRET;

  private final StackLayout layout;
  private final Map<ServiceCatalog.Service, Map<String, String>> overrides;
  private final Map<ServiceInstance, Process> services = new LinkedHashMap<>();
  private volatile PostgresServer postgres;
  private volatile KafkaBroker kafka;
  private volatile boolean closed;

  /**
   * @param overrides per service, environment set after the launcher's own (empty for {@code
   *     ./stackctl})
   */
  public Suite(StackLayout layout, Map<ServiceCatalog.Service, Map<String, String>> overrides) {
    this.layout = layout;
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * Starts PostgreSQL, Kafka and the services, and returns once every readiness check answers; a
   * failure leaves what started running, for {@link #close()}, which may also come from another
   * thread meanwhile (Ctrl-C).
   *
   * @throws IllegalStateException when a service exits or is not ready in time
   */
  public void start() throws IOException, InterruptedException {
    Files.createDirectories(layout.logs());
    Stack.say("PostgreSQL on port %d, data in %s", layout.postgresPort(), layout.postgresData());
    postgres = PostgresServer.start(layout.postgresData(), layout.postgresPort(), false);
    ServiceCatalog.ALL.forEach(s -> postgres.ensureDatabase(s.database()));

    Stack.say("Kafka on port %d, data in %s", layout.kafkaPort(), layout.kafkaData());
    kafka =
        KafkaBroker.start(layout.kafkaData(), layout.kafkaPort(), layout.controllerPort(), false);
    Topics.ensure(kafka.bootstrapServers(), ServiceCatalog.topics(), 6);
    Topics.ensureCompacted(kafka.bootstrapServers(), ServiceCatalog.stateTopics(), 6);

    // the first instance of every service, then the second...: a later instance finds the schema
    // migrated and the configured seeds (the gateway's demo client) in place, as in a rolling start
    for (int n = 0; n < layout.instances(); n++) {
      Map<ServiceInstance, Process> round = new LinkedHashMap<>();
      synchronized (this) {
        if (closed) {
          return;
        }
        for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
          ServiceInstance instance = new ServiceInstance(service, n);
          round.put(instance, launch(service, n));
          services.put(instance, round.get(instance));
        }
        recordChildren();
      }
      ServiceProcesses.awaitReadiness(layout, round);
    }
  }

  /** Stops one service (SIGTERM, as an operator would), every instance; the others keep running. */
  public synchronized void stop(ServiceCatalog.Service service) {
    Map<ServiceInstance, Process> stopped = new LinkedHashMap<>();
    for (int n = 0; n < layout.instances(); n++) {
      Process process = services.remove(new ServiceInstance(service, n));
      if (process != null) {
        stopped.put(new ServiceInstance(service, n), process);
      }
    }
    ServiceProcesses.stop(stopped);
  }

  /**
   * Kills one service (SIGKILL: no shutdown hook, no goodbye), every instance, as a crash or an OOM
   * killer would.
   */
  public synchronized void kill(ServiceCatalog.Service service) throws InterruptedException {
    for (int n = 0; n < layout.instances(); n++) {
      kill(service, n);
    }
  }

  /** Kills instance {@code n} (from 0) of a service (SIGKILL); its other instances keep running. */
  public synchronized void kill(ServiceCatalog.Service service, int n) throws InterruptedException {
    Process process = services.remove(new ServiceInstance(service, n));
    if (process != null) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Starts a stopped service again, as the stack first did, and waits until it is ready. */
  public void restart(ServiceCatalog.Service service) throws IOException, InterruptedException {
    Map<ServiceInstance, Process> started = new LinkedHashMap<>();
    synchronized (this) {
      stop(service);
      for (int n = 0; n < layout.instances(); n++) {
        ServiceInstance instance = new ServiceInstance(service, n);
        Process process = launch(service, n);
        services.put(instance, process);
        started.put(instance, process);
      }
      recordChildren();
    }
    ServiceProcesses.awaitReadiness(layout, started);
  }

  /**
   * Kills the Kafka broker (SIGKILL); {@link #startKafka()} brings it back on its port and data.
   */
  public synchronized void killKafka() {
    kafka.kill();
  }

  /**
   * Starts the broker again on the same port and data directory, and waits until it answers (up to
   * 10 minutes: after a SIGKILL it recovers its logs first).
   */
  public synchronized void startKafka() throws IOException {
    kafka =
        KafkaBroker.start(
            layout.kafkaData(),
            layout.kafkaPort(),
            layout.controllerPort(),
            false,
            java.time.Duration.ofMinutes(10));
    recordChildren();
  }

  /**
   * Stops PostgreSQL (fast shutdown: sessions cut) and starts it again on its port and data. The
   * embedded server's stop gives up waiting after a few seconds while a busy postmaster is still
   * shutting down, so this waits for the postmaster's exit before the new start.
   */
  public synchronized void restartPostgres() throws IOException, InterruptedException {
    List<String> pidFile = Files.readAllLines(layout.postgresData().resolve("postmaster.pid"));
    java.util.Optional<ProcessHandle> postmaster =
        ProcessHandle.of(Long.parseLong(pidFile.get(0).trim()));
    postgres.close();
    if (postmaster.isPresent()) {
      try {
        postmaster.get().onExit().get(3, java.util.concurrent.TimeUnit.MINUTES);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("PostgreSQL did not stop in 3 minutes", e);
      }
    }
    postgres = PostgresServer.start(layout.postgresData(), layout.postgresPort(), false);
  }

  public StackLayout layout() {
    return layout;
  }

  public int port(ServiceCatalog.Service service) {
    return layout.port(service);
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String jdbcUrl(String database) {
    return postgres.jdbcUrl(database);
  }

  /** Stops services, then Kafka, then PostgreSQL; leaves no process behind. */
  @Override
  public synchronized void close() {
    closed = true;
    ServiceProcesses.stop(services);
    services.clear();
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
    try {
      Files.deleteIfExists(layout.childPids());
    } catch (IOException ignored) {
      // nothing more to do
    }
  }

  private Process launch(ServiceCatalog.Service service, int n) throws IOException {
    return ServiceProcesses.start(
        layout, service, n, postgres, kafka, overrides.getOrDefault(service, Map.of()));
  }

  private void recordChildren() throws IOException {
    List<String> pids = new ArrayList<>();
    services.values().forEach(p -> pids.add(Long.toString(p.pid())));
    pids.add(Long.toString(kafka.pid()));
    Files.write(layout.childPids(), pids);
  }
}
