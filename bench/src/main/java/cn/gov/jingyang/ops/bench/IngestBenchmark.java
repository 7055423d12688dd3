package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.TestInfrastructure;
import cn.gov.jingyang.ops.stack.ServiceProcesses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * P1: inspection records/s through checkpoint-service's batch endpoint (the packaged service as a
 * child process, 100 records per request, 4 clients at once, until the outbox relay has published
 * every event to Kafka), side by side with a plain JDBC batch insert of the same rows into the same
 * PostgreSQL ({@link RawInspectionInsert}); then single-record POST latency at a fixed rate.
 * Several builds of the service can be compared in one run ({@code
 * -Dbench.ingest-apps=before=<jar>,after= <jar>}), each against its own fresh database. Straight to
 * the service, not through the gateway.
 */
public final class IngestBenchmark {

  static final String UNIT = "3b1f6c2e-9d4a-4e8b-a7c5-2f0e8d6b4a19";
  static final int BATCH = 100;
  static final int CLIENTS = 4;

  public static void main(String[] args) throws Exception {
    int records = Integer.getInteger("bench.ingest-records", 10_000);
    int rounds = Integer.getInteger("bench.ingest-rounds", 3);
    Map<String, Path> apps = apps();
    Path work = Path.of("bench/target/ingest").toAbsolutePath();
    Files.createDirectories(work);
    TestInfrastructure infra = TestInfrastructure.get();
    List<String> lines = new ArrayList<>();
    for (var app : apps.entrySet()) {
      String label = app.getKey();
      String jdbc = infra.database("checkpoint_p1_" + label + "_" + System.currentTimeMillis());
      PGSimpleDataSource db = new PGSimpleDataSource();
      db.setUrl(jdbc);
      db.setUser(infra.user());
      db.setPassword(infra.password());
      int port = FreePorts.next();
      Process service =
          ServiceProcesses.launch(
              app.getValue(),
              work.resolve(label + ".log"),
              port,
              jdbc,
              infra.bootstrapServers(),
              List.of("-Xmx384m", "-XX:+UseSerialGC"),
              Map.of());
      try {
        ServiceProcesses.awaitReady(service, port, Duration.ofMinutes(5));
        say("%s: checkpoint-service ready on port %d (pid %d)", label, port, service.pid());
        lines.add(measure(label, service, port, db, records, rounds, work));
      } catch (Exception e) {
        // one build failing does not lose the others' figures
        say("%s failed: %s", label, e);
        lines.add("| " + label + " | failed: " + e.getMessage() + " |");
      } finally {
        service.destroy();
        service.waitFor();
      }
    }
    System.out.println(
        "\n| build | service records/s | raw JDBC records/s | ratio | POST p50 | p99 | failed |");
    System.out.println("|---|---|---|---|---|---|---|");
    lines.forEach(System.out::println);
    Files.write(work.resolve("p1.md"), lines);
    System.exit(0);
  }

  private static String measure(
      String label,
      Process service,
      int port,
      PGSimpleDataSource db,
      int records,
      int rounds,
      Path work)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String command = DevTokens.token("bench.chief", "COMMAND");
    String officer = DevTokens.tokenForUnit("bench.officer", UNIT, "CHECKPOINT_OFFICER");
    List<UUID> checkpoints = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      checkpoints.add(activeCheckpoint(http, port, command));
    }
    InspectionLoad load = new InspectionLoad(42, checkpoints);
    RawInspectionInsert raw = new RawInspectionInsert(db);
    BatchUpload upload = new BatchUpload(http, port, officer);

    // warm-up (JIT, pools), not measured
    int warmUp = Integer.getInteger("bench.ingest-warm-up-batches", 20);
    raw.reset();
    run(load, warmUp, raw::insert);
    run(load, warmUp, upload::send);
    awaitPublished(db);

    boolean jfr = Boolean.getBoolean("bench.jfr");
    if (jfr) {
      jcmd(service, "JFR.start", "name=p1", "settings=profile");
    }
    List<Double> rawRates = new ArrayList<>();
    List<Double> serviceRates = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      raw.reset();
      long started = System.nanoTime();
      run(load, records / BATCH, raw::insert);
      rawRates.add(records / seconds(started));
      long before = count(db, "select count(*) from inspection");
      started = System.nanoTime();
      run(load, records / BATCH, upload::send);
      awaitPublished(db);
      serviceRates.add(records / seconds(started));
      long stored = count(db, "select count(*) from inspection") - before;
      if (stored != records) {
        throw new IllegalStateException(label + ": stored " + stored + " of " + records);
      }
      say(
          "%s round %d: raw JDBC %.0f records/s, service %.0f records/s",
          label, round, rawRates.get(round - 1), serviceRates.get(round - 1));
    }
    if (jfr) {
      jcmd(service, "JFR.stop", "name=p1", "filename=" + work.resolve(label + ".jfr"));
    }
    checkStatistics(db);
    Latency latency =
        Latency.atFixedRate(
            upload,
            load,
            checkpoints.get(0),
            Integer.getInteger("bench.ingest-rate", 20),
            Integer.getInteger("bench.ingest-latency-seconds", 15));
    double ratio = ImportBenchmark.median(serviceRates) / ImportBenchmark.median(rawRates);
    say(
        "%s: medians service %.0f, raw %.0f records/s (ratio %.3f); POST p50 %.1f ms, p99 %.1f ms"
            + " (%d answered, %d failed) (service rounds %s; raw rounds %s)",
        label,
        ImportBenchmark.median(serviceRates),
        ImportBenchmark.median(rawRates),
        ratio,
        latency.p50(),
        latency.p99(),
        latency.samples(),
        latency.failed(),
        serviceRates,
        rawRates);
    return "| %s | %,.0f | %,.0f | %.3f | %.1f ms | %.1f ms | %d |"
        .formatted(
            label,
            ImportBenchmark.median(serviceRates),
            ImportBenchmark.median(rawRates),
            ratio,
            latency.p50(),
            latency.p99(),
            latency.failed());
  }

  interface BatchSink {
    void accept(List<InspectionLoad.Record> batch) throws Exception;
  }

  /** Sends {@code batches} batches of 100 records from 4 clients at once. */
  static void run(InspectionLoad load, int batches, BatchSink sink) throws Exception {
    AtomicInteger left = new AtomicInteger(batches);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(
            clients.submit(
                () -> {
                  while (left.getAndDecrement() > 0) {
                    sink.accept(load.batch(BATCH));
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** One client's batch POST; every record must come back CREATED. */
  record BatchUpload(HttpClient http, int port, String token) {
    void send(List<InspectionLoad.Record> batch) throws Exception {
      HttpResponse<String> r = post("/inspections/batch", InspectionLoad.batchJson(batch));
      if (r.statusCode() != 200 || !r.body().contains("\"created\":" + batch.size() + ",")) {
        throw new IllegalStateException(
            r.statusCode() + ": " + r.body().substring(0, Math.min(600, r.body().length())));
      }
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofMinutes(2))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static UUID activeCheckpoint(HttpClient http, int port, String token) throws Exception {
    BatchUpload as = new BatchUpload(http, port, token);
    String code = "CP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    HttpResponse<String> created =
        as.post(
            "/checkpoints",
            """
            {"code":"%s","name":"黄许出口卡点","road":"成绵高速公路","place":"黄许出口","latitude":31.2145,
             "longitude":104.3912,"town":"黄许镇","kind":"HIGHWAY_EXIT","setUpOn":"2020-01-26",
             "leadAgency":"旌阳公安分局","participatingAgencies":["交警大队"],
             "supervisingLeaderName":"副局长 李明","supervisingLeaderAgency":"旌阳区人民政府","unitId":"%s"}"""
                .formatted(code, UNIT));
    if (created.statusCode() != 201) {
      throw new IllegalStateException(created.statusCode() + ": " + created.body());
    }
    String id = created.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    HttpResponse<String> active =
        as.post(
            "/checkpoints/" + id + "/status",
            "{\"status\":\"ACTIVE\",\"at\":\"2020-01-28T08:00:00+08:00\"}");
    if (active.statusCode() != 200) {
      throw new IllegalStateException(active.statusCode() + ": " + active.body());
    }
    return UUID.fromString(id);
  }

  /** Waits until the relay has published every outbox row to Kafka. */
  static void awaitPublished(PGSimpleDataSource db) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (count(db, "select count(*) from outbox where status <> 'PUBLISHED'") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("outbox not drained");
      }
      Thread.sleep(20);
    }
  }

  /** The statistics must equal a recount of the rows. */
  private static void checkStatistics(PGSimpleDataSource db) throws Exception {
    long rows = count(db, "select count(*) from inspection");
    long counted = count(db, "select coalesce(sum(inspections), 0) from daily_statistics");
    long persons = count(db, "select count(*) from occupant");
    long summed = count(db, "select coalesce(sum(persons), 0) from daily_statistics");
    if (rows != counted || persons != summed) {
      throw new IllegalStateException(
          "statistics out of step: " + rows + "/" + counted + ", " + persons + "/" + summed);
    }
  }

  static long count(PGSimpleDataSource db, String sql) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void jcmd(Process service, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("jcmd", Long.toString(service.pid())));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).inheritIO().start();
    p.waitFor();
  }

  private static Map<String, Path> apps() {
    Map<String, Path> apps = new LinkedHashMap<>();
    String spec =
        System.getProperty(
            "bench.ingest-apps", "current=checkpoint-service/target/quarkus-app/quarkus-run.jar");
    for (String entry : spec.split(",")) {
      String[] kv = entry.split("=", 2);
      Path jar = Path.of(kv[1]).toAbsolutePath();
      if (!Files.exists(jar)) {
        throw new IllegalStateException(
            "missing " + jar + ": ./mvnw -B -q package -pl checkpoint-service -am -DskipTests");
      }
      apps.put(kv[0], jar);
    }
    return apps;
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  static void say(String format, Object... args) {
    System.out.println("bench: " + String.format(format, args));
  }

  private IngestBenchmark() {}
}
