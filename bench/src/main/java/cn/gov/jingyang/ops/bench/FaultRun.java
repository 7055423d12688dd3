package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.stack.Suite;
import cn.gov.jingyang.ops.stack.demo.Demo;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 13 R1, the fault run: the whole suite from its packaged jars, the demo's story loaded, then
 * a bounded mixed load through the gateway ({@link FaultLoad}) for {@code -Dfault.duration}
 * (default PT10M) while {@link Faults} kills the Kafka broker twice, one service once and restarts
 * PostgreSQL once. Afterwards it waits for the outboxes to drain and reconciles the databases and
 * the topics ({@link Reconciliation}, {@link TopicChecks}); prints the figures and writes them to
 * the R1 section of docs/RELIABILITY.md. Exits non-zero when anything did not match.
 */
public final class FaultRun {

  public static void main(String[] args) throws Exception {
    Duration duration = Duration.parse(System.getProperty("fault.duration", "PT10M"));
    long pause = Long.getLong("fault.pause-ms", 200);
    Path root = Path.of("").toAbsolutePath();
    Path data = root.resolve("bench/target/fault-stack");
    Instant began = Instant.now();
    Reconciliation checks = new Reconciliation();
    FaultLoad load;
    Faults faults;
    FaultClient api;
    long drainSeconds;
    try (Suite suite = started(root, data)) {
      String gateway = "http://localhost:" + suite.port(ServiceCatalog.GATEWAY);
      say("suite ready; loading the demo's story (setup, before any fault)");
      Demo.load(URI.create(gateway), Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
      api = new FaultClient(gateway, Duration.ofMinutes(5));
      api.register();
      List<UUID> checkpoints =
          ids(api.get("/api/v1/checkpoint/checkpoints?size=100").body(), false);
      List<UUID> people = ids(api.get("/api/v1/personnel/people?size=100").body(), true);
      people = people.subList(0, Math.min(16, people.size()));
      say(
          "%d checkpoints, %d people for shifts and duty changes",
          checkpoints.size(), people.size());
      List<String> poison = TopicChecks.plantPoison(suite.kafkaBootstrapServers());

      load = new FaultLoad(api, checkpoints, people, pause, FaultLoad.InspectionPace.FAULT_RUN);
      faults = new Faults(suite);
      say("load for %s with the faults", duration);
      Thread schedule = faults.start(duration);
      load.run(duration);
      schedule.join();
      say(
          "load done: %d inspections, %d shifts, %d duty changes, %d completions, %d case moves acknowledged",
          load.inspections.size(),
          load.shifts.size(),
          load.duty.size(),
          load.completions.size(),
          load.cases.size());

      Map<ServiceCatalog.Service, Connection> db = open(suite);
      drainSeconds = drain(db, Duration.ofMinutes(5));
      checks.checkpointAndCase(
          load, db.get(ServiceCatalog.CHECKPOINT), db.get(ServiceCatalog.CASE));
      checks.shiftsAndDuty(
          load, db.get(ServiceCatalog.CHECKPOINT), db.get(ServiceCatalog.PERSONNEL));
      try {
        new TopicChecks(suite.kafkaBootstrapServers(), db, poison).run(checks);
      } catch (RuntimeException e) {
        checks.add("topics read from the beginning", 0, 1, "could not be read: " + e.getMessage());
      }
      new ClearIdScan(api, suite).run(checks);
      long unanswered = load.unanswered.values().stream().mapToLong(a -> a.get()).sum();
      checks.add(
          "writes the suite never answered (5 min of retries each)", unanswered, unanswered, "");
      checks.add(
          "client-side errors of the load",
          load.errors.size(),
          load.errors.size(),
          String.join("; ", load.errors.subList(0, Math.min(3, load.errors.size()))));
      checks.add(
          "services that did not recover by themselves",
          faults.done().size(),
          faults.problems().size(),
          String.join("; ", faults.problems()));
      for (Connection c : db.values()) {
        c.close();
      }
    }
    String section =
        FaultReport.section(began, duration, pause, load, faults, api, checks, drainSeconds);
    System.out.println(section);
    Report.replaceSection(root.resolve("docs/RELIABILITY.md"), "## R1", section);
    Files.writeString(root.resolve("bench/target/fault-run.md"), section);
    if (checks.mismatches() > 0) {
      throw new IllegalStateException(checks.mismatches() + " mismatches: see the section above");
    }
  }

  /** Waits until no outbox row is unpublished and every flag has its task; the seconds it took. */
  private static long drain(Map<ServiceCatalog.Service, Connection> db, Duration limit)
      throws Exception {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < limit.toNanos()) {
      long pending = 0;
      for (Connection c : db.values()) {
        pending += TopicChecks.hasOutbox(c) ? Reconciliation.unpublished(c) : 0;
      }
      long flags =
          Reconciliation.count(
              db.get(ServiceCatalog.CHECKPOINT), "select count(*) from occupant where flagged");
      long sources =
          Reconciliation.count(
              db.get(ServiceCatalog.CASE),
              "select count(distinct occupant_id) from verification_task_source where kind = 'CHECKPOINT_FLAG'");
      if (pending == 0 && sources >= flags) {
        Thread.sleep(15_000); // the consumers' last records
        return (System.nanoTime() - t0) / 1_000_000_000L;
      }
      Thread.sleep(2000);
    }
    return -1;
  }

  static List<UUID> ids(JsonNode page, boolean availableOnly) {
    List<UUID> ids = new ArrayList<>();
    for (JsonNode item : page.path("items")) {
      String status = item.path("dutyStatus").asText("AVAILABLE");
      if (!availableOnly || status.isEmpty() || status.equals("AVAILABLE")) {
        ids.add(UUID.fromString(item.path("id").asText()));
      }
    }
    return ids;
  }

  /** The suite on fresh data; a start that fails on a busy host is tried again, three times. */
  static Suite started(Path root, Path data) throws Exception {
    Map<ServiceCatalog.Service, Map<String, String>> overrides = new HashMap<>();
    BenchStack.overrides().forEach((s, env) -> overrides.put(s, new HashMap<>(env)));
    overrides.get(ServiceCatalog.GATEWAY).put("OPS_GATEWAY_RATE_LIMIT_ENABLED", "false");
    overrides.get(ServiceCatalog.GATEWAY).put("OPS_GATEWAY_TOKEN_LIFETIME", "PT3H");
    return BenchStack.startedWithRetries(root, data, overrides);
  }

  /** One JDBC connection per service database. */
  private static Map<ServiceCatalog.Service, Connection> open(Suite suite) throws Exception {
    Map<ServiceCatalog.Service, Connection> db = new LinkedHashMap<>();
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      db.put(
          s,
          DriverManager.getConnection(
              suite.jdbcUrl(s.database()), PostgresServer.USER, PostgresServer.PASSWORD));
    }
    return db;
  }

  static void say(String format, Object... args) {
    System.out.printf("[fault] " + format + "%n", args);
    System.out.flush();
  }
}
