package cn.gov.jingyang.ops.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one process) started from the
 * Maven-served jars listed by the kafka-broker module. It runs in its own JVM, so none of its jars
 * reach the caller's classpath, and it exits by itself when the caller dies.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final String CLASSPATH_RESOURCE = "/cn/gov/jingyang/ops/kafka/broker.classpath";

  private final Process process;
  private final int port;
  private final Path logFile;

  private KafkaBroker(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  public static KafkaBroker start(Path workDirectory, int port, int controllerPort, boolean clean) {
    return start(workDirectory, port, controllerPort, clean, Duration.ofSeconds(90));
  }

  /**
   * As {@link #start(Path, int, int, boolean)}, waiting up to {@code ready}: a broker started again
   * after a SIGKILL first recovers its logs, which takes minutes on a busy host.
   */
  public static KafkaBroker start(
      Path workDirectory, int port, int controllerPort, boolean clean, Duration ready) {
    try {
      if (clean) {
        FileTrees.delete(workDirectory);
      }
      Path logDirs = workDirectory.resolve("data");
      Files.createDirectories(logDirs);
      Path config = workDirectory.resolve("server.properties");
      Files.writeString(config, serverProperties(logDirs, port, controllerPort));
      Path log4j = workDirectory.resolve("log4j2.properties");
      Files.writeString(log4j, LOG4J_CONFIG);
      Path logFile = workDirectory.resolve("broker.log");
      String classpath = classpath();
      if (!Files.exists(logDirs.resolve("meta.properties"))) {
        format(classpath, config, log4j, workDirectory.resolve("format.log"));
      }
      Process process =
          new ProcessBuilder(
                  command(
                      classpath, log4j, "-Xmx512m", BrokerMain.class.getName(), config.toString()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      KafkaBroker broker = new KafkaBroker(process, port, logFile);
      broker.awaitReady(ready);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka broker did not start in " + workDirectory, e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public long pid() {
    return process.pid();
  }

  private static String serverProperties(Path logDirs, int port, int controllerPort) {
    return String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + logDirs,
            "num.partitions=3",
            "auto.create.topics.enable=false",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=3",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "")
        + "\n";
  }

  private static final String LOG4J_CONFIG =
      String.join(
          "\n",
          "status=warn",
          "appender.console.type=Console",
          "appender.console.name=STDOUT",
          "appender.console.layout.type=PatternLayout",
          "appender.console.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
          "rootLogger.level=warn",
          "rootLogger.appenderRef.stdout.ref=STDOUT",
          "logger.server.name=kafka.server.KafkaRaftServer",
          "logger.server.level=info",
          "");

  private static void format(String classpath, Path config, Path log4j, Path logFile)
      throws IOException {
    Process format =
        new ProcessBuilder(
                command(
                    classpath,
                    log4j,
                    "-Xmx256m",
                    "kafka.tools.StorageTool",
                    "format",
                    "-t",
                    Uuid.randomUuid().toString(),
                    "-c",
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    try {
      if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new IllegalStateException(
            "formatting Kafka storage failed: " + Files.readString(logFile));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> command(String classpath, Path log4j, String heap, String... main) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add(heap);
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.awt.headless=true");
    command.add("-Dlog4j2.configurationFile=" + log4j);
    command.add("-cp");
    command.add(classpath);
    command.addAll(List.of(main));
    return command;
  }

  /** The broker's jars, plus the location of this class for {@link BrokerMain}. */
  private static String classpath() throws IOException {
    try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "kafka-broker classpath file missing; build the kafka-broker module first");
      }
      String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      String self =
          Path.of(BrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
      return self + java.io.File.pathSeparator + jars;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    RuntimeException last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Kafka broker exited; see " + logFile + "\n" + tail());
      }
      try (Admin admin = Admin.create(config)) {
        if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
          return;
        }
      } catch (Exception e) {
        last = new IllegalStateException(e);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("Kafka broker not ready in " + timeout + "\n" + tail(), last);
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Kills the broker (SIGKILL: no controlled shutdown), as a crash would; for fault runs. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
