package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.stack.Suite;
import cn.gov.jingyang.ops.stack.demo.Demo;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Issue 13 R6, the soak: the fault run's load driver ({@link FaultLoad}) at a fixed pace for {@code
 * -Dsoak.duration} (default PT30M), no faults; every minute heap after GC, threads and PostgreSQL
 * connections ({@link SoakSamples}); errors counted; the first and the last five minutes compared
 * (a fifth of the run each when it is shorter). Writes the R6 section of docs/RELIABILITY.md.
 */
public final class SoakRun {

  public static void main(String[] args) throws Exception {
    Duration duration = Duration.parse(System.getProperty("soak.duration", "PT30M"));
    long pause = Long.getLong("soak.pause-ms", 200);
    double rate = Double.parseDouble(System.getProperty("soak.inspections-per-second", "0"));
    FaultLoad.InspectionPace pace =
        rate > 0
            ? new FaultLoad.InspectionPace(Integer.getInteger("soak.batch", 100), rate)
            : FaultLoad.InspectionPace.FAULT_RUN;
    Path root = Path.of("").toAbsolutePath();
    Instant began = Instant.now();
    List<SoakSamples> samples = new CopyOnWriteArrayList<>();
    FaultLoad load;
    FaultClient api;
    Duration loaded;
    try (Suite suite = FaultRun.started(root, root.resolve("bench/target/soak-stack"))) {
      String gateway = "http://localhost:" + suite.port(ServiceCatalog.GATEWAY);
      Demo.load(URI.create(gateway), Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
      api = new FaultClient(gateway, Duration.ofMinutes(5));
      api.register();
      List<UUID> checkpoints =
          FaultRun.ids(api.get("/api/v1/checkpoint/checkpoints?size=100").body(), false);
      List<UUID> people = FaultRun.ids(api.get("/api/v1/personnel/people?size=100").body(), true);
      load =
          new FaultLoad(
              api, checkpoints, people.subList(0, Math.min(16, people.size())), pause, pace);
      FaultLoad running = load;
      long minutes = duration.toMinutes();
      Thread sampler =
          new Thread(
              () -> {
                try (Connection pg =
                    DriverManager.getConnection(
                        suite.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD)) {
                  long t0 = System.nanoTime();
                  long before = 0;
                  for (long m = 1; m <= minutes; m++) {
                    long wait = m * 60_000 - (System.nanoTime() - t0) / 1_000_000;
                    Thread.sleep(Math.max(0, wait));
                    long acknowledged = running.inspections.size();
                    SoakSamples s = SoakSamples.take(m, pg);
                    samples.add(s);
                    FaultRun.say(
                        "minute %d: %d inspections/s, heap after GC KB %s, threads %s, connections %s",
                        m, (acknowledged - before) / 60, s.heapKb(), s.threads(), s.connections());
                    before = acknowledged;
                  }
                } catch (Exception e) {
                  FaultRun.say("sampler stopped: %s", e);
                }
              },
              "soak-sampler");
      sampler.start();
      long loadStart = System.nanoTime();
      load.run(duration);
      loaded = Duration.ofNanos(System.nanoTime() - loadStart);
      sampler.join();
    }
    long errors =
        sum(load.refused) + sum(load.unanswered) + sum(api.retries()) + load.errors.size();
    String section = section(began, duration, loaded, pause, pace, load, api, samples, errors);
    System.out.println(section);
    Report.replaceSection(root.resolve("docs/RELIABILITY.md"), "## R6", section);
  }

  private static long sum(Map<String, AtomicLong> counts) {
    return counts.values().stream().mapToLong(AtomicLong::get).sum();
  }

  private static String section(
      Instant began,
      Duration duration,
      Duration loaded,
      long pause,
      FaultLoad.InspectionPace pace,
      FaultLoad load,
      FaultClient api,
      List<SoakSamples> samples,
      long errors) {
    if (samples.isEmpty()) {
      throw new IllegalStateException("no sample taken: the soak needs at least a minute");
    }
    int window = (int) Math.max(1, Math.min(5, samples.size() / 3));
    StringBuilder s = new StringBuilder("## R6 — soak: the fault run's load without faults\n\n");
    s.append("Command (not part of the test run):\n\n")
        .append(
            "    ./mvnw -B -q package -pl gateway,checkpoint-service,case-service,personnel-service,bench -am -DskipTests -Dbench-soak\n\n")
        .append(
            "`bench/…/SoakRun`: the suite from its packaged jars, the demo's story, then the load of\n"
                + "R1 (`FaultLoad`, every thread pausing `-Dsoak.pause-ms`, default 200, between writes)\n"
                + "for `-Dsoak.duration` (default `PT30M`). With `-Dsoak.inspections-per-second=N` its\n"
                + "two inspection threads send batches of `-Dsoak.batch` (default 100) records on a\n"
                + "schedule that adds up to N records/s (a batch behind schedule goes at once); the\n"
                + "other writes keep their pause. Every minute: heap after a full GC of each\n"
                + "service (`jcmd GC.run`, then `GC.heap_info`, young + old used), its threads\n"
                + "(`/proc/<pid>/status`), PostgreSQL connections per database (`pg_stat_activity`).\n"
                + "The first and the last ")
        .append(window)
        .append(" minute(s) are compared.\n\n");
    s.append("Last run: started ")
        .append(began)
        .append(", ")
        .append(duration.toMinutes())
        .append(" min, ")
        .append(
            pace.perSecond() > 0
                ? String.format(
                    "inspections scheduled at %.0f records/s in batches of %d (achieved %.0f/s), other writes pausing %d ms, ",
                    pace.perSecond(),
                    pace.batchSize(),
                    load.inspections.size() / (loaded.toMillis() / 1000.0),
                    pause)
                : String.format(
                    "every write pausing %d ms (inspections in batches of %d: %.0f records/s), ",
                    pause,
                    pace.batchSize(),
                    load.inspections.size() / (loaded.toMillis() / 1000.0)))
        .append(api.requests())
        .append(" requests; acknowledged: ")
        .append(load.inspections.size())
        .append(" inspections, ")
        .append(load.shifts.size())
        .append(" shifts, ")
        .append(load.duty.size())
        .append(" duty changes, ")
        .append(load.completions.size())
        .append(" completions, ")
        .append(load.cases.size())
        .append(" case moves. **Errors: ")
        .append(errors)
        .append("** (refused ")
        .append(load.refused)
        .append(", unanswered ")
        .append(load.unanswered)
        .append(", retried ")
        .append(api.retries())
        .append(", client ")
        .append(load.errors.size())
        .append(").\n\n");
    s.append("| service | heap after GC first → last (KB) | change | threads first → last |\n")
        .append("|---|---|---|---|\n");
    for (ServiceCatalog.Service svc : ServiceCatalog.ALL) {
      double first = average(samples.subList(0, window), x -> x.heapKb().get(svc.name()));
      double last =
          average(
              samples.subList(samples.size() - window, samples.size()),
              x -> x.heapKb().get(svc.name()));
      double t1 = average(samples.subList(0, window), x -> x.threads().get(svc.name()));
      double t2 =
          average(
              samples.subList(samples.size() - window, samples.size()),
              x -> x.threads().get(svc.name()));
      s.append(
          String.format(
              "| %s | %.0f → %.0f | %+.1f %% | %.0f → %.0f |%n",
              svc.name(), first, last, first == 0 ? 0 : (last - first) * 100 / first, t1, t2));
    }
    s.append("\nPostgreSQL connections per database, first → last sample: ")
        .append(samples.isEmpty() ? "none" : samples.get(0).connections())
        .append(" → ")
        .append(samples.isEmpty() ? "none" : samples.get(samples.size() - 1).connections())
        .append(".\n");
    return s.toString();
  }

  private static double average(List<SoakSamples> window, Function<SoakSamples, Long> value) {
    return window.stream().mapToLong(value::apply).average().orElse(0);
  }
}
