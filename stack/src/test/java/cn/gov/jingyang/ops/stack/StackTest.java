package cn.gov.jingyang.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.infra.TopicProbe;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, for real: the launcher in its own process brings up PostgreSQL, Kafka
 * and the four packaged services, {@code down} stops them all, and a second {@code up} finds the
 * data of the first. Needs the services packaged (it runs after them in {@code ./mvnw verify}).
 */
class StackTest {

  private static final Path DATA = Path.of("target/stack-test").toAbsolutePath();
  private static final Map<String, String> ENV = new java.util.HashMap<>();
  private static final List<Process> launched = new ArrayList<>();

  @BeforeAll
  static void ports() throws IOException {
    cn.gov.jingyang.ops.infra.FileTrees.delete(DATA);
    ENV.put("STACK_DATA_DIR", DATA.toString());
    ENV.put("STACK_POSTGRES_PORT", Integer.toString(FreePorts.next()));
    ENV.put("STACK_KAFKA_PORT", Integer.toString(FreePorts.next()));
    ENV.put("STACK_KAFKA_CONTROLLER_PORT", Integer.toString(FreePorts.next()));
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      ENV.put("STACK_" + s.name().toUpperCase() + "_PORT", Integer.toString(FreePorts.next()));
    }
  }

  @AfterAll
  static void noLeftovers() throws Exception {
    if (launched.stream().anyMatch(Process::isAlive)) {
      run("down").waitFor();
    }
  }

  /**
   * Runs the launcher as ./stackctl does: its own classes and runtime classpath, nothing of the
   * tests'.
   */
  private static Process run(String... command) throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    String classpath =
        Path.of("target/classes").toAbsolutePath()
            + File.pathSeparator
            + Files.readString(Path.of("target/launcher.classpath")).trim();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp",
                classpath,
                Stack.class.getName())
            .directory(Path.of("..").toAbsolutePath().normalize().toFile())
            .redirectErrorStream(true);
    builder.command().addAll(List.of(command));
    builder.environment().putAll(ENV);
    Process process = builder.start();
    launched.add(process);
    return process;
  }

  /**
   * Starts the stack and returns once it says it is up; its output is collected in {@code lines}.
   */
  private static Process up(List<String> lines) throws IOException {
    Process up = run("up");
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!up.isAlive()) {
                throw new AssertionError("stack exited early:\n" + String.join("\n", lines));
              }
              return lines.stream().anyMatch(l -> l.contains("The stack is up"));
            });
    return up;
  }

  private static int readiness(ServiceCatalog.Service service) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    return http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + ENV.get("STACK_" + service.name().toUpperCase() + "_PORT")
                            + "/q/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static List<ProcessHandle> recordedProcesses() throws IOException {
    List<ProcessHandle> handles = new ArrayList<>();
    for (String pid : Files.readAllLines(DATA.resolve("children.pids"))) {
      ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(handles::add);
    }
    String postmaster = Files.readAllLines(DATA.resolve("postgres/postmaster.pid")).get(0).trim();
    ProcessHandle.of(Long.parseLong(postmaster)).ifPresent(handles::add);
    return handles;
  }

  private static String jdbc(String database) {
    return PostgresServer.jdbcUrl(
        "127.0.0.1", Integer.parseInt(ENV.get("STACK_POSTGRES_PORT")), database);
  }

  private static String kafka() {
    return "127.0.0.1:" + ENV.get("STACK_KAFKA_PORT");
  }

  @Test
  void shouldComeUpReadyStopWithoutLeftoversAndKeepItsDataAcrossRestarts() throws Exception {
    List<String> firstRun = new CopyOnWriteArrayList<>();
    Process first = up(firstRun);
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      assertThat(readiness(s)).as(s.name() + " readiness").isEqualTo(200);
    }
    assertThat(String.join("\n", firstRun)).contains("swagger-ui").contains("token");
    Process token = run("token");
    assertThat(token.waitFor()).as("token without arguments explains its usage").isEqualTo(2);
    Process minted = run("token", "alice", "COMMAND");
    String jwt = new String(minted.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(minted.waitFor()).isZero();
    assertThat(jwt.split("\\.")).hasSize(3);
    List<ProcessHandle> processes = recordedProcesses();
    assertThat(processes).hasSize(ServiceCatalog.ALL.size() + 2); // services, Kafka, PostgreSQL

    try (var c =
        DriverManager.getConnection(
            jdbc("checkpoint"), PostgresServer.USER, PostgresServer.PASSWORD)) {
      c.createStatement().execute("create table stack_marker (note text)");
      c.createStatement().execute("insert into stack_marker values ('kept across restarts')");
    }
    TopicProbe.send(kafka(), "checkpoint.events", "marker", "kept across restarts");

    Process down = run("down");
    assertThat(down.waitFor()).isZero();
    await().atMost(Duration.ofMinutes(2)).until(() -> !first.isAlive());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(Files.exists(DATA.resolve("stack.pid"))).isFalse();

    Process second = up(new CopyOnWriteArrayList<>());
    try (var c =
            DriverManager.getConnection(
                jdbc("checkpoint"), PostgresServer.USER, PostgresServer.PASSWORD);
        var rs = c.createStatement().executeQuery("select note from stack_marker")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("kept across restarts");
    }
    try (TopicProbe probe = new TopicProbe(kafka(), "checkpoint.events")) {
      probe.until(
          seen -> seen.stream().anyMatch(r -> "kept across restarts".equals(r.value())),
          Duration.ofSeconds(30));
    }
    List<ProcessHandle> again = recordedProcesses();
    second.destroy(); // Ctrl-C / SIGTERM on the launcher itself
    await().atMost(Duration.ofMinutes(2)).until(() -> !second.isAlive());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> again.stream().noneMatch(ProcessHandle::isAlive));
  }
}
