package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
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
import java.util.HashMap;
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
 * -Dbench.ingest-apps=before=<jar>,after= <jar>}), each against its own fresh database. Each round
 * sends its records straight to the service and, in the same round, as many through the packaged
 * gateway in front of it ({@code POST /api/v1/checkpoint/inspections/batch} with a token of a
 * client registered at the gateway, from {@code /oauth/token}; {@code -Dbench.ingest-gateway=none}
 * leaves it out).
 */
public final class IngestBenchmark {

  static final String UNIT = "3b1f6c2e-9d4a-4e8b-a7c5-2f0e8d6b4a19";
  static final int BATCH = 100;
  static final int CLIENTS = 4;

  /** The stack launcher's JVM options (ServiceProcesses), for the service and the gateway. */
  static final List<String> JVM = List.of("-Xmx384m", "-Xms32m", "-XX:+UseSerialGC");

  public static void main(String[] args) throws Exception {
    int records = Integer.getInteger("bench.ingest-records", 10_000);
    int rounds = Integer.getInteger("bench.ingest-rounds", 3);
    Map<String, Path> apps = apps();
    Path gatewayJar = gatewayJar();
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
              JVM,
              Map.of());
      int gatewayPort = gatewayJar == null ? -1 : FreePorts.next();
      Process gateway =
          gatewayJar == null ? null : gateway(gatewayJar, label, gatewayPort, port, infra, work);
      try {
        ServiceProcesses.awaitReady(service, port, Duration.ofMinutes(5));
        say("%s: checkpoint-service ready on port %d (pid %d)", label, port, service.pid());
        if (gateway != null) {
          ServiceProcesses.awaitReady(gateway, gatewayPort, Duration.ofMinutes(5));
          say("%s: gateway ready on port %d (pid %d)", label, gatewayPort, gateway.pid());
        }
        lines.addAll(measure(label, service, port, gatewayPort, db, records, rounds, work));
      } catch (Exception e) {
        // one build failing does not lose the others' figures
        say("%s failed: %s", label, e);
        lines.add("| " + label + " | failed: " + e.getMessage() + " |");
      } finally {
        service.destroy();
        service.waitFor();
        if (gateway != null) {
          gateway.destroy();
          gateway.waitFor();
        }
      }
    }
    System.out.println(
        "\n| build | path | records/s (median) | rounds | ratio to raw (median of rounds)"
            + " | POST p50 | p99 | failed |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    lines.forEach(System.out::println);
    Files.write(work.resolve("p1.md"), lines);
    System.exit(0);
  }

  /**
   * The packaged gateway in front of the service on {@code servicePort}, as the stack launcher
   * starts it (signing with the development key, the demo COMMAND client seeded), its own fresh
   * database, and the bench's raised allowances (the limiter still runs on every request).
   */
  private static Process gateway(
      Path jar, String label, int port, int servicePort, TestInfrastructure infra, Path work)
      throws Exception {
    Map<String, String> env = new HashMap<>(ServiceProcesses.gatewayEnvironment());
    env.putAll(BenchStack.overrides().get(ServiceCatalog.GATEWAY));
    env.put("OPS_GATEWAY_ROUTES_CHECKPOINT_UPSTREAM", "http://localhost:" + servicePort);
    return ServiceProcesses.launch(
        jar,
        work.resolve(label + "-gateway.log"),
        port,
        infra.database("gateway_p1_" + label + "_" + System.currentTimeMillis()),
        infra.bootstrapServers(),
        JVM,
        env);
  }

  private static List<String> measure(
      String label,
      Process service,
      int port,
      int gatewayPort,
      PGSimpleDataSource db,
      int records,
      int rounds,
      Path work)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String command = DevTokens.token("bench.chief", "COMMAND");
    String officer = DevTokens.tokenForUnit("bench.officer", UNIT, "CHECKPOINT_OFFICER");
    String direct = "http://localhost:" + port;
    List<UUID> checkpoints = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      checkpoints.add(activeCheckpoint(http, direct, command));
    }
    InspectionLoad load = new InspectionLoad(42, checkpoints);
    RawInspectionInsert raw = new RawInspectionInsert(db);
    Map<String, BatchUpload> paths = new LinkedHashMap<>();
    paths.put("direct", new BatchUpload(http, direct, officer));
    if (gatewayPort > 0) {
      String gateway = "http://localhost:" + gatewayPort;
      // a system's token as a client gets it: registered at the gateway, from /oauth/token
      String token =
          new GatewayClient(gateway)
              .clientToken("bench-tablet", List.of("CHECKPOINT_OFFICER"), UNIT);
      paths.put("gateway", new BatchUpload(http, gateway + "/api/v1/checkpoint", token));
    }

    // warm-up (JIT, pools), not measured
    int warmUp = Integer.getInteger("bench.ingest-warm-up-batches", 20);
    raw.reset();
    run(load, warmUp, raw::insert);
    for (BatchUpload upload : paths.values()) {
      run(load, warmUp, upload::send);
    }
    awaitPublished(db);

    boolean jfr = Boolean.getBoolean("bench.jfr");
    if (jfr) {
      jcmd(service, "JFR.start", "name=p1", "settings=profile");
    }
    List<Double> rawRates = new ArrayList<>();
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    paths.keySet().forEach(path -> rates.put(path, new ArrayList<>()));
    paths.keySet().forEach(path -> ratios.put(path, new ArrayList<>()));
    for (int round = 1; round <= rounds; round++) {
      raw.reset();
      long started = System.nanoTime();
      run(load, records / BATCH, raw::insert);
      double rawRate = records / seconds(started);
      rawRates.add(rawRate);
      StringBuilder line = new StringBuilder("raw JDBC %.0f".formatted(rawRate));
      for (var path : paths.entrySet()) {
        long before = count(db, "select count(*) from inspection");
        started = System.nanoTime();
        run(load, records / BATCH, path.getValue()::send);
        awaitPublished(db);
        double rate = records / seconds(started);
        long stored = count(db, "select count(*) from inspection") - before;
        if (stored != records) {
          throw new IllegalStateException(
              label + " " + path.getKey() + ": stored " + stored + " of " + records);
        }
        rates.get(path.getKey()).add(rate);
        ratios.get(path.getKey()).add(rate / rawRate);
        line.append(", %s %.0f (%.3f × raw)".formatted(path.getKey(), rate, rate / rawRate));
      }
      say("%s round %d records/s: %s", label, round, line);
    }
    if (jfr) {
      jcmd(service, "JFR.stop", "name=p1", "filename=" + work.resolve(label + ".jfr"));
    }
    checkStatistics(db);
    List<String> lines = new ArrayList<>();
    lines.add(
        "| %s | raw JDBC | %,.0f | %s | 1 | | | |"
            .formatted(label, ImportBenchmark.median(rawRates), rounded(rawRates)));
    for (var path : paths.entrySet()) {
      Latency latency =
          Latency.atFixedRate(
              path.getValue(),
              load,
              checkpoints.get(0),
              Integer.getInteger("bench.ingest-rate", 20),
              Integer.getInteger("bench.ingest-latency-seconds", 15));
      List<Double> r = rates.get(path.getKey());
      double ratio = ImportBenchmark.median(ratios.get(path.getKey()));
      say(
          "%s %s: median %.0f records/s, ratio to raw %.3f (rounds %s); POST p50 %.1f ms, p99"
              + " %.1f ms (%d answered, %d failed)",
          label,
          path.getKey(),
          ImportBenchmark.median(r),
          ratio,
          rounded(r),
          latency.p50(),
          latency.p99(),
          latency.samples(),
          latency.failed());
      lines.add(
          "| %s | %s | %,.0f | %s | %.3f | %.1f ms | %.1f ms | %d |"
              .formatted(
                  label,
                  path.getKey(),
                  ImportBenchmark.median(r),
                  rounded(r),
                  ratio,
                  latency.p50(),
                  latency.p99(),
                  latency.failed()));
    }
    return lines;
  }

  private static String rounded(List<Double> rates) {
    return String.join(", ", rates.stream().map(r -> "%.0f".formatted(r)).toList());
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
  record BatchUpload(HttpClient http, String base, String token) {
    void send(List<InspectionLoad.Record> batch) throws Exception {
      HttpResponse<String> r = post("/inspections/batch", InspectionLoad.batchJson(batch));
      if (r.statusCode() != 200 || !r.body().contains("\"created\":" + batch.size() + ",")) {
        throw new IllegalStateException(
            r.statusCode() + ": " + r.body().substring(0, Math.min(600, r.body().length())));
      }
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofMinutes(2))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static UUID activeCheckpoint(HttpClient http, String base, String token)
      throws Exception {
    BatchUpload as = new BatchUpload(http, base, token);
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
    while (count(db, "select count(*) from outbox_pending") > 0) {
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

  /** The gateway's jar ({@code -Dbench.ingest-gateway}, {@code none}: without the gateway path). */
  private static Path gatewayJar() {
    String spec =
        System.getProperty("bench.ingest-gateway", "gateway/target/quarkus-app/quarkus-run.jar");
    if (spec.equals("none")) {
      return null;
    }
    Path jar = Path.of(spec).toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          "missing " + jar + ": ./mvnw -B -q package -pl gateway -am -DskipTests");
    }
    return jar;
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  static void say(String format, Object... args) {
    System.out.println("bench: " + String.format(format, args));
  }

  private IngestBenchmark() {}
}
