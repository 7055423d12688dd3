package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.infra.Topics;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * P3: a flagged inspection committed in checkpoint-service ({@code POST /inspections} answered 201:
 * the record, its occupant and its OccupantFlagged outbox row are committed) until the verification
 * task is readable in case-service's database (its source row committed, seen by a reader polling
 * every {@value #POLL_MS} ms), at a fixed 50 flags/s. The baseline in the same round: the same
 * payload (an OccupantFlagged CloudEvent as checkpoint-service published it) produced to the same
 * broker with the platform's producer settings and consumed with its consumer settings, from {@code
 * send} to the consumer's poll returning it.
 */
final class FlagLatency {

  static final int POLL_MS = 2;
  static final int WARM_UP_SECONDS = Integer.getInteger("bench.p3-warmup-seconds", 30);
  static final String UNIT = "7c0e4b1a-3d2f-4e6a-9b8c-1f2e3d4c5b6a";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Figures(
      List<Double> flowP50,
      List<Double> flowP99,
      List<Double> kafkaP50,
      List<Double> kafkaP99,
      List<Integer> refused,
      List<Stages> stages) {}

  /**
   * Where a round's flags spent their time, p50 per stage in ms, from stamps each part leaves
   * anyway: the outbox row's {@code occurred_at} (taken when the request appended the event, before
   * its commit), the bench's receipt of the 201, the Kafka record's timestamp (set by the relay's
   * producer at {@code send}), case-service's {@code processed_event.processed_at} (the start of
   * the consumer's transaction) and the bench's reader seeing the task. One host, one clock.
   */
  record Stages(
      int flags,
      double appendedTo201,
      double appendedToSent,
      double sentToConsumed,
      double consumedToSeen,
      double answeredToSeen) {

    @Override
    public String toString() {
      return "appended→201 %.1f, appended→sent %.1f, sent→consumer %.1f, consumer→seen %.1f,"
              .formatted(appendedTo201, appendedToSent, sentToConsumed, consumedToSeen)
          + " 201→seen %.1f ms (p50 of %d flags)".formatted(answeredToSeen, flags);
    }
  }

  private final BenchStack stack;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String officer =
      DevTokens.tokenForUnit("bench.officer", UNIT, "CHECKPOINT_OFFICER");
  private String checkpointId;

  FlagLatency(BenchStack stack) {
    this.stack = stack;
  }

  Figures run(int rounds, int seconds, int perSecond) throws Exception {
    checkpointId = activeCheckpoint(stack, http);
    // warm-up, not counted: long enough for the JIT to compile the path and any backlog of a cold
    // start to drain (3 s left a queue the first measured round still paid for)
    flow(perSecond, WARM_UP_SECONDS, new AtomicInteger(), new HashMap<>());
    String payload = capturedFlag();
    String topic = "bench.flags";
    Topics.ensure(stack.bootstrapServers(), List.of(topic), 6);
    kafka(topic, payload, perSecond, 3);
    Figures f =
        new Figures(
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>());
    boolean jfr = Boolean.getBoolean("bench.jfr");
    if (jfr) {
      for (ServiceCatalog.Service s : List.of(ServiceCatalog.CHECKPOINT, ServiceCatalog.CASE)) {
        stack.jcmd(s, "JFR.start", "name=p3", "settings=profile");
      }
    }
    for (int round = 1; round <= rounds; round++) {
      List<Double> k = kafka(topic, payload, perSecond, seconds);
      AtomicInteger refused = new AtomicInteger();
      long started = System.currentTimeMillis();
      Map<String, Instant[]> stamps = new HashMap<>();
      List<Double> flow = flow(perSecond, seconds, refused, stamps);
      f.refused().add(refused.get());
      f.stages().add(stages(stamps, started));
      f.kafkaP50().add(Samples.percentile(k, 50));
      f.kafkaP99().add(Samples.percentile(k, 99));
      f.flowP50().add(Samples.percentile(flow, 50));
      f.flowP99().add(Samples.percentile(flow, 99));
      ImportBenchmark.say(
          "P3 round %d: flag→task p50 %.1f ms p99 %.1f ms (%d); Kafka p50 %.1f ms p99 %.1f ms (%d)",
          round,
          f.flowP50().get(round - 1),
          f.flowP99().get(round - 1),
          flow.size(),
          f.kafkaP50().get(round - 1),
          f.kafkaP99().get(round - 1),
          k.size());
      ImportBenchmark.say("P3 round %d stages: %s", round, f.stages().get(round - 1));
    }
    if (jfr) {
      for (ServiceCatalog.Service s : List.of(ServiceCatalog.CHECKPOINT, ServiceCatalog.CASE)) {
        stack.jcmd(
            s,
            "JFR.stop",
            "name=p3",
            "filename=" + stack.suite().layout().data().resolve("p3-" + s.name() + ".jfr"));
      }
    }
    return f;
  }

  /**
   * Flags at a fixed rate for {@code seconds}; the latency of each, in ms. {@code stamps} gets, per
   * inspection timed, when its 201 arrived and when its task was seen.
   */
  private List<Double> flow(
      int perSecond, int seconds, AtomicInteger failures, Map<String, Instant[]> stamps)
      throws Exception {
    Map<String, Long> committed = new ConcurrentHashMap<>();
    Map<String, Instant> answered = new ConcurrentHashMap<>();
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    int total = perSecond * seconds;
    ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger sent = new AtomicInteger();
    try (Connection cases = stack.database(ServiceCatalog.CASE);
        PreparedStatement seen =
            cases.prepareStatement(
                "select inspection_id::text from verification_task_source"
                    + " where inspection_id = any(?::uuid[])")) {
      sender.scheduleAtFixedRate(
          () -> {
            if (sent.getAndIncrement() < total) {
              sendFlag(committed, answered, failures);
            }
          },
          0,
          1_000_000 / perSecond,
          TimeUnit.MICROSECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
      while (latencies.size() + failures.get() < total && System.nanoTime() < deadline) {
        if (!committed.isEmpty()) {
          Array ids = cases.createArrayOf("text", committed.keySet().toArray());
          seen.setArray(1, ids);
          try (ResultSet rs = seen.executeQuery()) {
            long now = System.nanoTime();
            Instant wall = Instant.now();
            while (rs.next()) {
              String id = rs.getString(1);
              Long at = committed.remove(id);
              if (at != null) {
                latencies.add((now - at) / 1e6);
                stamps.put(id, new Instant[] {answered.get(id), wall});
              }
            }
          }
        }
        TimeUnit.MILLISECONDS.sleep(POLL_MS);
      }
    } finally {
      sender.shutdownNow();
    }
    // not accepted, or accepted but no task within a minute after the last was sent: counted,
    // not timed (a host too busy for the rate falls behind; the figures say how far)
    failures.addAndGet(total - latencies.size() - failures.get());
    return new ArrayList<>(latencies);
  }

  private void sendFlag(
      Map<String, Long> committed, Map<String, Instant> answered, AtomicInteger failures) {
    String body = inspection();
    http.sendAsync(
            HttpRequest.newBuilder(
                    URI.create(stack.url(ServiceCatalog.CHECKPOINT) + "/inspections"))
                .header("Authorization", "Bearer " + officer)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (r, e) -> {
              long at = System.nanoTime();
              Instant wall = Instant.now();
              if (e != null || r.statusCode() != 201) {
                failures.incrementAndGet();
                if (failures.get() < 3) {
                  ImportBenchmark.say("flag refused: %s", e != null ? e : r.body());
                }
                return;
              }
              try {
                String id = JSON.readTree(r.body()).get("id").asText();
                answered.put(id, wall);
                committed.put(id, at);
              } catch (Exception ex) {
                failures.incrementAndGet();
              }
            });
  }

  /**
   * The round's stage figures: joins the bench's stamps with the OccupantFlagged rows of
   * checkpoint-service's outbox, their Kafka records (read from the round's start) and
   * case-service's processed-event marks.
   */
  private Stages stages(Map<String, Instant[]> stamps, long roundStartMillis) throws Exception {
    Map<String, String> eventOf = new HashMap<>(); // event id -> inspection id
    Map<String, Instant> appended = new HashMap<>();
    try (Connection c = stack.database(ServiceCatalog.CHECKPOINT);
        PreparedStatement ps =
            c.prepareStatement(
                "select event_id::text, event->'data'->>'inspectionId', occurred_at from outbox"
                    + " where event_type like '%.OccupantFlagged'"
                    + " and event->'data'->>'inspectionId' = any(?)")) {
      ps.setArray(1, c.createArrayOf("text", stamps.keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          eventOf.put(rs.getString(1), rs.getString(2));
          appended.put(rs.getString(1), rs.getObject(3, OffsetDateTime.class).toInstant());
        }
      }
    }
    Map<String, Instant> consumed = new HashMap<>();
    try (Connection c = stack.database(ServiceCatalog.CASE);
        PreparedStatement ps =
            c.prepareStatement(
                "select event_id::text, min(processed_at) from processed_event"
                    + " where event_id = any(?::uuid[]) group by event_id")) {
      ps.setArray(1, c.createArrayOf("text", eventOf.keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          consumed.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
        }
      }
    }
    Map<String, Instant> sent = sentTimes(eventOf.keySet(), roundStartMillis);
    List<Double> toAnswer = new ArrayList<>();
    List<Double> toSent = new ArrayList<>();
    List<Double> toConsumer = new ArrayList<>();
    List<Double> toSeen = new ArrayList<>();
    List<Double> answerToSeen = new ArrayList<>();
    eventOf.forEach(
        (event, inspection) -> {
          Instant[] bench = stamps.get(inspection);
          Instant a = appended.get(event);
          Instant k = sent.get(event);
          Instant p = consumed.get(event);
          if (bench[0] == null || k == null || p == null) {
            return;
          }
          toAnswer.add(ms(a, bench[0]));
          toSent.add(ms(a, k));
          toConsumer.add(ms(k, p));
          toSeen.add(ms(p, bench[1]));
          answerToSeen.add(ms(bench[0], bench[1]));
        });
    return new Stages(
        toSent.size(),
        Samples.percentile(toAnswer, 50),
        Samples.percentile(toSent, 50),
        Samples.percentile(toConsumer, 50),
        Samples.percentile(toSeen, 50),
        Samples.percentile(answerToSeen, 50));
  }

  private static double ms(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }

  /** When the relay's producer sent each of {@code events}: its records' timestamps. */
  private Map<String, Instant> sentTimes(Set<String> events, long fromMillis) {
    Map<String, Instant> sent = new HashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaClients(stack.bootstrapServers())
            .consumer("bench-p3-stamps-" + UUID.randomUUID(), "bench-p3-stamps")) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(ServiceCatalog.CHECKPOINT.topic()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> from = new HashMap<>();
      partitions.forEach(p -> from.put(p, fromMillis));
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      consumer
          .offsetsForTimes(from)
          .forEach((p, offset) -> consumer.seek(p, offset == null ? end.get(p) : offset.offset()));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          try {
            String id = JSON.readTree(r.value()).path("id").asText();
            if (events.contains(id)) {
              sent.put(id, Instant.ofEpochMilli(r.timestamp()));
            }
          } catch (Exception notJson) {
            // a record the bench cannot read is not one of its flags
          }
        }
      }
    }
    return sent;
  }

  private String inspection() {
    String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusSeconds(5).withNano(0).toString();
    return """
        {"clientRecordId":"%s","checkpointId":"%s","inspectedAt":"%s","direction":"INBOUND",
         "plate":"川F%05d","vehicleKind":"CAR","inspectorName":"张伟 051234",
         "inspectorAgency":"旌阳区卫生健康局","occupants":[
         {"name":"王芳","idNumber":"%s","phone":"13900005678","originProvince":"湖北省","originCity":"武汉市",
          "stayedInRiskArea":true,"temperature":38.6,"symptoms":["COUGH"],"destinationTown":"孝泉镇",
          "destinationAddress":"孝泉镇民主村3组12号","result":"HOME_QUARANTINE"}]}"""
        .formatted(
            UUID.randomUUID(),
            checkpointId,
            at,
            (int) (Math.random() * 100_000),
            IdNumbers.random());
  }

  /** A checkpoint run by {@link #UNIT}, ACTIVE since 28 Jan 2020. */
  static String activeCheckpoint(BenchStack stack, HttpClient http) throws Exception {
    String code = "CP-B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String created =
        post(
            stack,
            http,
            "/checkpoints",
            """
            {"code":"%s","name":"黄许出口卡点","road":"成绵高速公路","place":"黄许出口","latitude":31.2145,
             "longitude":104.3912,"town":"黄许镇","kind":"HIGHWAY_EXIT","setUpOn":"2020-01-26",
             "leadAgency":"旌阳公安分局","participatingAgencies":["交警大队"],"supervisingLeaderName":"副局长 李明",
             "supervisingLeaderAgency":"旌阳区人民政府","unitId":"%s"}"""
                .formatted(code, UNIT),
            201);
    String id = JSON.readTree(created).get("id").asText();
    post(
        stack,
        http,
        "/checkpoints/" + id + "/status",
        "{\"status\":\"ACTIVE\",\"at\":\"2020-01-28T08:00:00+08:00\"}",
        200);
    return id;
  }

  private static String post(
      BenchStack stack, HttpClient http, String path, String body, int expected) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(stack.url(ServiceCatalog.CHECKPOINT) + path))
                .header("Authorization", "Bearer " + BenchStack.COMMAND)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  /** An OccupantFlagged event as checkpoint-service published it (the baseline's payload). */
  private String capturedFlag() {
    try (KafkaConsumer<String, String> consumer =
        new KafkaClients(stack.bootstrapServers())
            .consumer("bench-capture-" + UUID.randomUUID(), "bench")) {
      consumer.subscribe(List.of(ServiceCatalog.CHECKPOINT.topic()));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() != null && r.value().contains("OccupantFlagged")) {
            return r.value();
          }
        }
      }
    }
    throw new IllegalStateException("no OccupantFlagged on " + ServiceCatalog.CHECKPOINT.topic());
  }

  /** The baseline: produce → consume of the payload at the same rate; latencies in ms. */
  private List<Double> kafka(String topic, String payload, int perSecond, int seconds)
      throws Exception {
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    List<Double> latencies = new ArrayList<>();
    int total = perSecond * seconds;
    try (KafkaProducer<String, String> producer =
            KafkaClients.producer(stack.bootstrapServers(), "bench-p3");
        KafkaConsumer<String, String> consumer =
            new KafkaClients(stack.bootstrapServers())
                .consumer("bench-p3-" + UUID.randomUUID(), "bench-p3")) {
      consumer.subscribe(List.of(topic));
      while (consumer.assignment().isEmpty()) {
        consumer.poll(Duration.ofMillis(100));
      }
      consumer.seekToEnd(consumer.assignment());
      for (TopicPartition p : consumer.assignment()) {
        consumer.position(p);
      }
      ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
      AtomicInteger sent = new AtomicInteger();
      try {
        sender.scheduleAtFixedRate(
            () -> {
              if (sent.getAndIncrement() < total) {
                String key = UUID.randomUUID().toString();
                sentAt.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, key, payload));
              }
            },
            0,
            1_000_000 / perSecond,
            TimeUnit.MICROSECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
        while (latencies.size() < total && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
            long now = System.nanoTime();
            Long at = sentAt.remove(r.key());
            if (at != null) {
              latencies.add((now - at) / 1e6);
            }
          }
        }
      } finally {
        sender.shutdownNow();
      }
    }
    if (latencies.size() < total) {
      throw new IllegalStateException("Kafka: " + latencies.size() + " of " + total + " consumed");
    }
    return latencies;
  }

  static String section(Figures f, int rounds, int seconds, int perSecond, String command) {
    double p50 = Samples.median(f.flowP50());
    double p99 = Samples.median(f.flowP99());
    double k50 = Samples.median(f.kafkaP50());
    double k99 = Samples.median(f.kafkaP99());
    boolean meets = p50 <= 30 && p99 <= 150;
    return """
        ## P3: flagged inspection → verification task, vs Kafka produce → consume

        %1$d flags/s for %2$d s per round, %3$d rounds after a warm-up of %17$d s: `POST /inspections` straight \
        to checkpoint-service (one car, one occupant with fever from a risk area: flagged), timed \
        from its 201 (record, occupant and the OccupantFlagged outbox row committed) until the \
        task's source row for that inspection is committed in case-service's database, seen by a \
        reader polling every %4$d ms (so up to %4$d ms late). In between: the outbox relay woken by \
        the commit, Kafka, case-service's consumer, the task's transaction. Baseline in the same \
        round: the same payload (an OccupantFlagged CloudEvent captured from `checkpoint.events`) \
        produced at the same rate to the same broker with the platform's producer settings \
        (acks=all, idempotent, linger 1 ms, lz4) and consumed with its consumer settings \
        (read_committed), from `send` to `poll` returning it.

        | path | p50 (median of rounds) | p99 (median of rounds) |
        |---|---|---|
        | flag committed → task readable in case-service | %5$.1f ms | %6$.1f ms |
        | Kafka produce → consume, same payload and broker | %7$.1f ms | %8$.1f ms |

        The flow takes **%9$.1f×** the broker's own p50; target p50 ≤ 30 ms, p99 ≤ 150 ms: %10$s.
        Rounds: flow p50 %11$s, p99 %12$s ms; Kafka p50 %13$s, p99 %14$s ms. Flags not timed per round \
        (not accepted with 201, or no task within a minute after the last was sent): %16$s.
        Where the time went, per round (p50 of each stage, from the stamps each part leaves: the \
        outbox row's append time, the 201, the Kafka record's send time, case-service's \
        processed-event mark, the reader): %18$s.

        %15$s
        """
        .formatted(
            perSecond,
            seconds,
            rounds,
            POLL_MS,
            p50,
            p99,
            k50,
            k99,
            p50 / k50,
            meets ? "**met**" : "**missed**",
            Samples.rounds(f.flowP50(), "%.1f"),
            Samples.rounds(f.flowP99(), "%.1f"),
            Samples.rounds(f.kafkaP50(), "%.1f"),
            Samples.rounds(f.kafkaP99(), "%.1f"),
            command,
            f.refused(),
            WARM_UP_SECONDS,
            f.stages().stream().map(Stages::toString).toList());
  }
}
