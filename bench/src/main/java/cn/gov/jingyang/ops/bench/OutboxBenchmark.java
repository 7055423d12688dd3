package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.TestInfrastructure;
import cn.gov.jingyang.ops.infra.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Side-by-side measurements of the outbox relay on real PostgreSQL and Kafka, in one run: (1)
 * commit→consume latency when commits wake the relay vs a relay that only polls each second; (2)
 * relay throughput with one row per pass vs the default batch of 200; (3) writes/s of 8 concurrent
 * writers with the append lock taken at the first append vs at commit; (4) deadlocks in the crossed
 * append/row-lock loop, both ways. Results go to docs/BENCHMARKS.md. The scenarios are {@link
 * RelayLatency}, {@link RelayThroughput} and {@link AppendContention}, on a {@link BenchOutbox}.
 */
public final class OutboxBenchmark {

  public static void main(String[] args) throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    String bootstrap = infra.bootstrapServers();
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(infra.database("outbox_bench"));
    dataSource.setUser(infra.user());
    dataSource.setPassword(infra.password());
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/platform")
        .cleanDisabled(false)
        .load()
        .migrate();
    Topics.ensure(bootstrap, List.of(BenchOutbox.TOPIC), 3);
    BenchOutbox outbox = new BenchOutbox(dataSource);

    int events = Integer.getInteger("bench.latency-events", 200);
    RelayLatency latency = new RelayLatency(outbox, bootstrap);
    latency.microseconds(true, 20); // warm-up
    List<Long> wake = latency.microseconds(true, events);
    List<Long> poll = latency.microseconds(false, Math.min(events, 60));
    RelayThroughput throughput = new RelayThroughput(outbox, bootstrap);
    double batchOne = throughput.rowsPerSecond(1, 2_000, 20);
    double batchDefault = throughput.rowsPerSecond(200, 2_000, 20);
    double batchManyAggregates = throughput.rowsPerSecond(200, 2_000, 2_000);

    AppendContention contention = new AppendContention(dataSource);
    int writers = 8;
    int work = 2;
    List<Double> atFirstAppend = new ArrayList<>();
    List<Double> atCommit = new ArrayList<>();
    for (int round = 0;
        round < 3;
        round++) { // alternating, so drift on the machine hits both alike
      outbox.truncate();
      atFirstAppend.add(
          contention.writesPerSecond(
              AppendContention.Strategy.LOCK_AT_FIRST_APPEND, writers, 4, work));
      outbox.truncate();
      atCommit.add(
          contention.writesPerSecond(AppendContention.Strategy.LOCK_AT_COMMIT, writers, 4, work));
    }
    int loop = Integer.getInteger("bench.deadlock-iterations", 200);
    outbox.truncate();
    int deadlocksBefore =
        contention.deadlocks(AppendContention.Strategy.LOCK_AT_FIRST_APPEND, 4, loop);
    outbox.truncate();
    int deadlocksAfter = contention.deadlocks(AppendContention.Strategy.LOCK_AT_COMMIT, 4, loop);

    String report =
        template()
            .formatted(
                java.time.LocalDate.now(),
                wake.size(),
                median(wake) / 1000.0,
                p95(wake) / 1000.0,
                poll.size(),
                median(poll) / 1000.0,
                p95(poll) / 1000.0,
                (double) median(poll) / Math.max(1, median(wake)),
                batchOne,
                batchDefault,
                batchDefault / batchOne,
                batchManyAggregates,
                writers,
                work,
                medianOf(atFirstAppend),
                medianOf(atCommit),
                medianOf(atCommit) / medianOf(atFirstAppend),
                loop,
                loop,
                deadlocksBefore,
                loop,
                deadlocksAfter);
    Files.createDirectories(Path.of("docs"));
    Path file = Path.of("docs/BENCHMARKS.md");
    String kept = Report.sectionsFrom(file, "## P5"); // the import benchmark's section
    Files.writeString(file, kept.isEmpty() ? report : report + "\n" + kept);
    System.out.println(report);
    System.exit(0);
  }

  /** docs/BENCHMARKS.md with %-placeholders for the figures, in the order main passes them. */
  private static String template() throws java.io.IOException {
    try (var in = OutboxBenchmark.class.getResourceAsStream("/BENCHMARKS.template.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static long p95(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
  }

  private OutboxBenchmark() {}
}
