package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.TestInfrastructure;
import cn.gov.jingyang.ops.infra.Topics;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.outbox.OutboxAppend;
import cn.gov.jingyang.ops.platform.outbox.OutboxPublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Side-by-side measurements of the outbox relay on real PostgreSQL and Kafka, in one run: (1)
 * commit→consume latency when commits wake the relay vs a relay that only polls each second; (2)
 * relay throughput with one row per pass vs the default batch of 200; (3) writes/s of 8 concurrent
 * writers with the append lock taken at the first append vs at commit; (4) deadlocks in the crossed
 * append/row-lock loop, both ways. Results go to docs/BENCHMARKS.md.
 */
public final class OutboxBenchmark {

  private static final String TOPIC = "bench.events";
  private static PGSimpleDataSource dataSource;
  private static String bootstrap;

  public static void main(String[] args) throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    bootstrap = infra.bootstrapServers();
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(infra.database("outbox_bench"));
    dataSource.setUser(infra.user());
    dataSource.setPassword(infra.password());
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/platform")
        .cleanDisabled(false)
        .load()
        .migrate();
    Topics.ensure(bootstrap, List.of(TOPIC), 3);

    int events = Integer.getInteger("bench.latency-events", 200);
    latency(true, 20); // warm-up
    List<Long> wake = latency(true, events);
    List<Long> poll = latency(false, Math.min(events, 60));
    double batchOne = throughput(1, 2_000, 20);
    double batchDefault = throughput(200, 2_000, 20);
    double batchManyAggregates = throughput(200, 2_000, 2_000);

    AppendContention contention = new AppendContention(dataSource);
    int writers = 8;
    int work = 2;
    List<Double> atFirstAppend = new ArrayList<>();
    List<Double> atCommit = new ArrayList<>();
    for (int round = 0;
        round < 3;
        round++) { // alternating, so drift on the machine hits both alike
      truncate();
      atFirstAppend.add(
          contention.writesPerSecond(
              AppendContention.Strategy.LOCK_AT_FIRST_APPEND, writers, 4, work));
      truncate();
      atCommit.add(
          contention.writesPerSecond(AppendContention.Strategy.LOCK_AT_COMMIT, writers, 4, work));
    }
    int loop = Integer.getInteger("bench.deadlock-iterations", 200);
    truncate();
    int deadlocksBefore =
        contention.deadlocks(AppendContention.Strategy.LOCK_AT_FIRST_APPEND, 4, loop);
    truncate();
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
    Files.writeString(Path.of("docs/BENCHMARKS.md"), report);
    System.out.println(report);
    System.exit(0);
  }

  /** Microseconds from each commit to the event's arrival at a consumer. */
  private static List<Long> latency(boolean wakeOnCommit, int events) throws Exception {
    truncate();
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    java.util.concurrent.BlockingQueue<String> arrivals =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Semaphore signal = new Semaphore(0);
    var running = new java.util.concurrent.atomic.AtomicBoolean(true);
    try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap, "bench-relay");
        KafkaConsumer<String, String> consumer = consumer()) {
      OutboxPublisher publisher =
          new OutboxPublisher(
              dataSource,
              producer,
              new OutboxPublisher.Settings(200, 8, Duration.ofMillis(200), Duration.ofSeconds(30)),
              d -> {});
      Thread relay =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    signal.tryAcquire(
                        1000, TimeUnit.MILLISECONDS); // a commit wakes it, or the 1 s poll
                    signal.drainPermits();
                    publisher.publishPass();
                  } catch (Exception e) {
                    if (running.get()) {
                      e.printStackTrace();
                    }
                  }
                }
              });
      relay.start();
      Thread reader =
          new Thread(
              () -> {
                while (running.get()) {
                  consumer
                      .poll(Duration.ofMillis(50))
                      .forEach(
                          r -> {
                            String id =
                                new String(
                                    r.headers().lastHeader("ce_id").value(),
                                    StandardCharsets.UTF_8);
                            arrived.put(id, System.nanoTime());
                            arrivals.add(id);
                          });
                }
              });
      consumer.poll(Duration.ofSeconds(2)); // join the group before measuring
      reader.start();
      List<Long> latencies = new ArrayList<>();
      java.util.Random random = new java.util.Random(42);
      for (int i = 0; i < events; i++) {
        if (!wakeOnCommit) {
          Thread.sleep(random.nextInt(1000)); // commit at a random point of the poll cycle
        }
        String id = append(1, "latency-" + (i % 10)).get(0);
        long committed = System.nanoTime();
        if (wakeOnCommit) {
          signal.release();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!arrived.containsKey(id) && System.nanoTime() < deadline) {
          arrivals.poll(100, TimeUnit.MILLISECONDS); // blocks, so the waiting costs no CPU
        }
        Long at = arrived.get(id);
        if (at == null) {
          throw new IllegalStateException("event " + id + " did not arrive in 10 s");
        }
        latencies.add((at - committed) / 1_000);
      }
      running.set(false);
      relay.join();
      reader.join();
      return latencies;
    }
  }

  private static double throughput(int batchSize, int rows, int aggregates) throws Exception {
    truncate();
    append(rows, null, aggregates);
    try (KafkaProducer<String, String> producer =
        KafkaClients.producer(bootstrap, "bench-throughput")) {
      OutboxPublisher publisher =
          new OutboxPublisher(
              dataSource,
              producer,
              new OutboxPublisher.Settings(
                  batchSize, 8, Duration.ofMillis(200), Duration.ofSeconds(30)),
              d -> {});
      long start = System.nanoTime();
      int published = 0;
      while (published < rows) {
        published += publisher.publishPass().published();
      }
      return rows / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** Appends rows, each in its own committed transaction when {@code key} is given. */
  private static List<String> append(int count, String key) throws Exception {
    return append(count, key, 20);
  }

  private static List<String> append(int count, String key, int aggregates) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        UUID id = UUID.randomUUID();
        String aggregate = key != null ? key : "aggregate-" + (i % aggregates);
        String event =
            "{\"specversion\":\"1.0\",\"id\":\""
                + id
                + "\",\"source\":\"/jingyang/bench\","
                + "\"type\":\"cn.gov.jingyang.bench.Measured\",\"subject\":\""
                + aggregate
                + "\",\"data\":{\"n\":"
                + i
                + "}}";
        OutboxAppend.append(
            c,
            new OutboxAppend.NewRow(
                id,
                TOPIC,
                "Bench",
                aggregate,
                "cn.gov.jingyang.bench.Measured",
                event,
                OffsetDateTime.now(),
                null,
                null));
        if (key != null) {
          c.commit();
        }
        ids.add(id.toString());
      }
      c.commit();
    }
    return ids;
  }

  private static void truncate() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("truncate outbox");
    }
  }

  private static KafkaConsumer<String, String> consumer() {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest"),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(TOPIC));
    return consumer;
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
