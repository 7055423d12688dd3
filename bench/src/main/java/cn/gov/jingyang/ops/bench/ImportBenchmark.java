package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.TestInfrastructure;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.stack.ServiceProcesses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * P5: the provincial import of a generated 1,000,000-row key-person list through case-service's
 * real {@code POST /imports?batchId=} (the packaged service as a child process, -Xmx512m, against
 * embedded PostgreSQL and Kafka), side by side with a plain COPY of the same rows into a table of
 * the same database. Alternating rounds, each from the same empty state; medians, ratio, the
 * service's heap from its GC log. Results go to the "P5" section of docs/BENCHMARKS.md.
 */
public final class ImportBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.import-rows", 1_000_000);
    int rounds = Integer.getInteger("bench.import-rounds", 3);
    Path jar = Path.of("case-service/target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          "missing " + jar + ": ./mvnw -B -q package -pl case-service -am -DskipTests");
    }
    Path work = Path.of("bench/target/import").toAbsolutePath();
    Files.createDirectories(work);
    TestInfrastructure infra = TestInfrastructure.get();
    String jdbc = infra.database("cases_bench");
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(jdbc);
    db.setUser(infra.user());
    db.setPassword(infra.password());

    KeyPersonList list = new KeyPersonList(rows, 100_000_000L);
    Path ndjson = work.resolve("list.ndjson");
    Path copyText = work.resolve("list.copy");
    list.writeNdjson(ndjson);
    list.writeCopyText(copyText);
    say("generated %,d rows (%d MB of NDJSON)", rows, Files.size(ndjson) >> 20);

    int port = FreePorts.next();
    Path gcLog = work.resolve("case-gc.log");
    Files.deleteIfExists(gcLog);
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
    jvm.add("-Xlog:gc:file=" + gcLog);
    if (Boolean.getBoolean("bench.jfr")) {
      jvm.add(
          "-XX:StartFlightRecording=filename=" + work.resolve("case.jfr") + ",settings=profile");
    }
    Process service =
        ServiceProcesses.launch(
            jar, work.resolve("case.log"), port, jdbc, infra.bootstrapServers(), jvm, Map.of());
    try {
      ServiceProcesses.awaitReady(service, port, Duration.ofMinutes(4));
      say("case-service ready on port %d (pid %d)", port, service.pid());
      Stations.cover(infra.bootstrapServers(), db);

      ImportRun importer = new ImportRun(port, db);
      // warm-up of both paths (JIT, caches), not measured
      KeyPersonList warm =
          new KeyPersonList(Integer.getInteger("bench.import-warm-up", 20_000), 900_000_000L);
      Path warmFile = work.resolve("warm.ndjson");
      warm.writeNdjson(warmFile);
      importer.rowsPerSecond(warmFile, warm, "warm-up");
      copyRowsPerSecond(db, copyText, rows);

      List<Double> copy = new ArrayList<>();
      List<Double> imported = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        copy.add(copyRowsPerSecond(db, copyText, rows));
        imported.add(importer.rowsPerSecond(ndjson, list, "P5-" + round));
        say(
            "round %d: COPY %.0f rows/s, import %.0f rows/s",
            round, copy.get(round - 1), imported.get(round - 1));
      }
      Heap heap = Heap.fromGcLog(gcLog);
      double ratio = median(imported) / median(copy);
      String section =
          template()
              .formatted(
                  java.time.LocalDate.now(),
                  rows,
                  list.bad(),
                  list.duplicates(),
                  list.unroutable(),
                  Files.size(ndjson) >> 20,
                  rounds,
                  median(copy),
                  median(imported),
                  ratio,
                  ratio >= 0.15 ? "meets" : "misses",
                  heap.peakUsedMb(),
                  heap.peakAfterGcMb(),
                  heap.collections(),
                  list(copy),
                  list(imported));
      Report.replaceSection(Path.of("docs/BENCHMARKS.md"), "## P5", section);
      System.out.println(section);
    } finally {
      service.destroy();
      service.waitFor();
    }
    System.exit(0);
  }

  /** Rows per second of a plain COPY of the list into an empty table of the same database. */
  static double copyRowsPerSecond(PGSimpleDataSource db, Path copyText, int rows) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table if not exists plain_copy (line bigint, person_name text, id_number text,"
              + " phone text, address text, town text, listed_at text, reason text)");
      s.execute("truncate plain_copy");
      s.execute("checkpoint");
      long started = System.nanoTime();
      try (Reader in = Files.newBufferedReader(copyText, StandardCharsets.UTF_8)) {
        long copied =
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy plain_copy from stdin", in, 65_536);
        if (copied != rows) {
          throw new IllegalStateException("COPY loaded " + copied + " of " + rows);
        }
      }
      return rows / ((System.nanoTime() - started) / 1e9);
    }
  }

  /** The import through the service's HTTP API, from an emptied task store each time. */
  record ImportRun(int port, PGSimpleDataSource db) {

    double rowsPerSecond(Path ndjson, KeyPersonList list, String batchPrefix) throws Exception {
      try (Connection c = db.getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "truncate verification_task, verification_task_source, provincial_import,"
                + " provincial_import_bad_row, outbox, outbox_pending cascade");
        s.execute("checkpoint");
      }
      HttpClient http = HttpClient.newHttpClient();
      String batch = batchPrefix + "-" + UUID.randomUUID();
      long started = System.nanoTime();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/imports?batchId=" + batch))
                  .header("Authorization", "Bearer " + DevTokens.token("bench", "COMMAND"))
                  .header("Content-Type", "application/x-ndjson")
                  .timeout(Duration.ofMinutes(30))
                  .POST(HttpRequest.BodyPublishers.ofFile(ndjson))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double seconds = (System.nanoTime() - started) / 1e9;
      if (response.statusCode() != 201) {
        throw new IllegalStateException(response.statusCode() + ": " + response.body());
      }
      JsonNode result = JSON.readTree(response.body());
      long good = list.rows() - list.bad();
      expect(result, "status", "COMPLETED");
      expect(result, "rowsRead", list.rows());
      expect(result, "badRows", list.bad());
      expect(result, "duplicates", list.duplicates());
      expect(result, "tasksCreated", good - list.duplicates());
      expect(result, "unroutable", list.unroutable());
      try (Connection c = db.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*) from verification_task where station_unit_id is not null")) {
        rs.next();
        check(rs.getLong(1), good - list.duplicates() - list.unroutable(), "routed tasks");
      }
      return list.rows() / seconds;
    }

    private static void expect(JsonNode result, String field, Object value) {
      check(result.get(field).asText(), String.valueOf(value), field + " in " + result);
    }

    private static void check(Object actual, Object expected, String what) {
      if (!String.valueOf(actual).equals(String.valueOf(expected))) {
        throw new IllegalStateException(what + ": " + actual + ", expected " + expected);
      }
    }
  }

  /** Stations covering the district's towns, announced as personnel does (UnitCoverageChanged). */
  static final class Stations {
    static void cover(String bootstrap, PGSimpleDataSource db) throws Exception {
      int stations = 6;
      UUID parent = UUID.randomUUID();
      for (int k = 0; k < stations; k++) {
        UUID station = UUID.randomUUID();
        var event =
            JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("source", "/jingyang/personnel")
                .put("type", "cn.gov.jingyang.personnel.UnitCoverageChanged")
                .put("subject", station.toString())
                .put("time", "2020-02-03T08:00:00+08:00")
                .put("datacontenttype", "application/json");
        var data =
            event
                .putObject("data")
                .put("unitId", station.toString())
                .put("code", "PS-B" + k)
                .put("name", "派出所" + k)
                .put("parentId", parent.toString());
        data.putArray("previousTowns");
        var towns = data.putArray("towns");
        for (int t = k; t < KeyPersonList.TOWNS.length; t += stations) {
          towns
              .addObject()
              .put("code", KeyPersonList.TOWNS[t][0])
              .put("name", KeyPersonList.TOWNS[t][1]);
        }
        TopicProbe.send(bootstrap, "personnel.events", station.toString(), event.toString());
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (routedTowns(db) < KeyPersonList.TOWNS.length) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("routing table not built: " + routedTowns(db) + " towns");
        }
        Thread.sleep(200);
      }
    }

    private static long routedTowns(PGSimpleDataSource db) throws Exception {
      try (Connection c = db.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select count(*) from routing_town")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String template() throws java.io.IOException {
    try (var in = ImportBenchmark.class.getResourceAsStream("/BENCHMARKS.P5.template.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String list(List<Double> values) {
    return String.join(", ", values.stream().map(v -> String.format("%,.0f", v)).toList());
  }

  static void say(String format, Object... args) {
    System.out.println("bench: " + String.format(format, args));
  }

  private ImportBenchmark() {}
}
