package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.stack.Suite;
import cn.gov.jingyang.ops.testing.hostile.ApiDocument;
import cn.gov.jingyang.ops.testing.hostile.Findings;
import cn.gov.jingyang.ops.testing.hostile.HostileRequest;
import cn.gov.jingyang.ops.testing.hostile.HostileRun;
import cn.gov.jingyang.ops.testing.hostile.RawHttp;
import cn.gov.jingyang.ops.testing.hostile.RequestPlan;
import cn.gov.jingyang.ops.testing.hostile.RowCounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 13 R2: hostile input at volume. Starts the whole suite from the packaged jars (as {@code
 * ./stackctl up} does, on free ports, data under bench/target/hostile-stack), takes a token of a
 * client with every role from the gateway's token endpoint, and sends at least 10,000 hostile
 * requests generated from the merged {@code GET /api/v1/openapi} — every public operation — through
 * the gateway: the generator of the services' HostileRequestTest. Writes go one at a time with the
 * row counts of all four databases compared around each; a refused write must change none. Prints
 * the figures and writes them to the R2 section of docs/RELIABILITY.md.
 *
 * <p>The gateway's rate limits are off and its tokens live three hours for this run: the run
 * measures what the suite does with hostile input, not how soon the limiter refuses a flood.
 */
public final class HostileVolume {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    int min = Integer.getInteger("hostile.requests", 10_000);
    int max = Integer.getInteger("hostile.max-requests", 10_500);
    long seed = Long.getLong("hostile.seed", 20200123L);
    Path root = Path.of("").toAbsolutePath();
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      Path jar = root.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
      if (!Files.exists(jar)) {
        throw new IllegalStateException("missing " + jar + ": package the services first");
      }
    }
    Path data = root.resolve("bench/target/hostile-stack");
    Map<ServiceCatalog.Service, Map<String, String>> overrides =
        Map.of(
            ServiceCatalog.GATEWAY,
            Map.of(
                "OPS_GATEWAY_RATE_LIMIT_ENABLED", "false", "OPS_GATEWAY_TOKEN_LIFETIME", "PT3H"));
    long started = System.nanoTime();
    int failures;
    try (Suite suite = BenchStack.startedWithRetries(root, data, overrides)) {
      say("suite ready in %d s", (System.nanoTime() - started) / 1_000_000_000L);
      int port = suite.port(ServiceCatalog.GATEWAY);
      GatewayClient gateway = new GatewayClient("http://localhost:" + port);
      String token = gateway.allRolesToken();
      ApiDocument api = new ApiDocument(JSON.readTree(gateway.get("/api/v1/openapi", token)));

      Map<String, DataSource> databases = new LinkedHashMap<>();
      Set<String> background = new TreeSet<>();
      for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(suite.jdbcUrl(s.database()));
        db.setUser(PostgresServer.USER);
        db.setPassword(PostgresServer.PASSWORD);
        databases.put(s.database(), db);
        background.add(s.database() + ".processed_event");
      }
      RowCounts counts = new RowCounts(databases);
      Findings findings = new Findings("suite through the gateway", seed);
      List<HostileRequest> requests;
      try (RawHttp http = new RawHttp("localhost", port, 30_000)) {
        RequestPlan plan = new RequestPlan(api, token);
        plan.createThings(http);
        requests =
            plan.generate(
                new Random(seed), 10_240L * 1024, List.of("/api/v1/case/imports"), min, max);
        say(
            "%d operations, %d hostile requests; %d tables in %d databases counted around each write",
            plan.operations().size(), requests.size(), counts.tables().size(), databases.size());
        long sending = System.nanoTime();
        new HostileRun(http, counts, background, findings, Set.of("POST /oauth/token"))
            .run(requests, 3);
        long seconds = (System.nanoTime() - sending) / 1_000_000_000L;
        String report = findings.report();
        Files.writeString(root.resolve("bench/target/hostile-volume.txt"), report);
        say("%s in %d s", findings.summary(), seconds);
        Report.replaceSection(
            root.resolve("docs/RELIABILITY.md"),
            "## R2",
            section(plan.operations().size(), findings, seconds, seed, counts.tables().size()));
      }
      failures = findings.failedCount();
    }
    if (failures > 0) {
      throw new IllegalStateException(failures + " failures: see bench/target/hostile-volume.txt");
    }
  }

  private static String section(
      int operations, Findings findings, long seconds, long seed, int tables) {
    Map<String, Integer> byClass = findings.byStatusClass();
    int errors = findings.errorCount();
    return """
        ## R2 — hostile input at volume, through the gateway

        Command (not part of the test run; packages the four services, then starts the suite):

            ./mvnw -B -q package -pl gateway,checkpoint-service,case-service,personnel-service,bench -am -DskipTests -Dbench-hostile

        `bench/…/HostileVolume` starts the suite from the packaged jars (PostgreSQL, Kafka, the three
        services, the gateway; rate limits off, tokens living 3 h for the run), registers a client
        with every role through `/admin/clients` and takes its token from `POST /oauth/token`, reads
        the merged `GET /api/v1/openapi` and sends the hostile requests of the services'
        `HostileRequestTest` generator (platform-testing `RequestPlan`) for every public operation
        through the gateway: wrong types, missing/null/empty/10,000-character values, control
        characters, `%%00`, huge and non-finite numbers, deep nesting, broken JSON, wrong media
        types, bodies over the limit (Content-Length and chunked), tokens of every kind, unexpected
        methods and request lines, random combinations. Writes are sent one at a time with the row
        counts of every table of the four databases compared around each; reads run on 3 threads
        meanwhile. Seed %d (`-Dhostile.seed=`), `-Dhostile.requests=` sets the number. The full
        report is written to `bench/target/hostile-volume.txt`.

        Last run (%s, one run on the shared 2-core machine):

        | figure | value |
        |---|---|
        | public operations covered | %d |
        | hostile requests sent | %,d |
        | answers by status class | %s |
        | 5xx answers | %d |
        | answers ≥ 400 that are problem+json (status in body) | %,d of %,d (%s) |
        | refused writes checked for a partial write | %,d (%d tables, 4 databases) |
        | refused writes that changed a row count | %d |
        | all failures (any kind, incl. the above) | %d |
        | sending time | %d s |
        """
        .formatted(
            seed,
            LocalDate.now(ZoneId.of("Asia/Shanghai")),
            operations,
            findings.sentCount(),
            byClass,
            byClass.getOrDefault("5xx", 0),
            findings.problemJsonCount(),
            errors,
            errors == 0
                ? "–"
                : String.format("%.2f %%", 100.0 * findings.problemJsonCount() / errors),
            findings.refusedWriteCount(),
            tables,
            partialWrites(findings),
            findings.failedCount(),
            seconds);
  }

  /** How many failures were a refused write that changed row counts (from the report). */
  private static int partialWrites(Findings findings) {
    int total = 0;
    for (String line : findings.report().split("\n")) {
      if (line.startsWith("[") && line.contains("rejected write changed row counts")) {
        total += Integer.parseInt(line.substring(1, line.indexOf('\u00d7')));
      }
    }
    return total;
  }

  static void say(String format, Object... args) {
    System.out.printf("[hostile] " + format + "%n", args);
    System.out.flush();
  }
}
