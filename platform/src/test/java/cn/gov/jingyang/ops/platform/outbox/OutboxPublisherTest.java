package cn.gov.jingyang.ops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.KafkaBroker;
import cn.gov.jingyang.ops.infra.TestInfrastructure;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.infra.Topics;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The relay's rules, on the real outbox table and real brokers, without a Quarkus app in the way:
 * several relays at once, a broker outage, a row Kafka refuses, retention.
 */
class OutboxPublisherTest {

  private static final String TOPIC = "relaytest.events";
  private static final OutboxPublisher.Settings SETTINGS =
      new OutboxPublisher.Settings(100, 3, Duration.ZERO, Duration.ofMillis(200));

  private static PGSimpleDataSource dataSource;
  private static TestInfrastructure infra;

  @BeforeAll
  static void database() {
    infra = TestInfrastructure.get();
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(infra.database("outbox_relay_test"));
    dataSource.setUser(infra.user());
    dataSource.setPassword(infra.password());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
    Topics.ensure(infra.bootstrapServers(), List.of(TOPIC), 3);
  }

  @BeforeEach
  void emptyOutbox() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("truncate outbox, outbox_pending");
    }
  }

  /** Appends one event per key, round robin, and returns their event ids per key in order. */
  private static Map<String, List<String>> append(int count, int keys, String topic)
      throws SQLException {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (int i = 0; i < count; i++) {
        String key = "aggregate-" + (i % keys);
        appendOne(c, topic, key, "{\"n\":" + i + "}");
        byKey.computeIfAbsent(key, k -> new ArrayList<>());
        byKey.get(key).add(lastEventId(c));
      }
    }
    return byKey;
  }

  private static void appendOne(Connection c, String topic, String key, String data)
      throws SQLException {
    UUID id = UUID.randomUUID();
    String event =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"source\":\"/test\","
            + "\"type\":\"cn.gov.jingyang.test.Counted\",\"subject\":\""
            + key
            + "\",\"data\":"
            + data
            + "}";
    OutboxAppend.append(
        c,
        new OutboxAppend.NewRow(
            id,
            topic,
            "Test",
            key,
            "cn.gov.jingyang.test.Counted",
            event,
            OffsetDateTime.now(),
            null,
            null));
  }

  private static String lastEventId(Connection c) throws SQLException {
    try (ResultSet rs =
        c.createStatement().executeQuery("select event_id from outbox order by seq desc limit 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long count(String where) throws SQLException {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("select count(*) from outbox_entry where " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String ceId(ConsumerRecord<String, String> r) {
    return new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
  }

  private static Map<String, List<String>> byKey(
      List<ConsumerRecord<String, String>> records, Set<String> ids) {
    return records.stream()
        .filter(r -> ids.contains(ceId(r)))
        .collect(
            Collectors.groupingBy(
                ConsumerRecord::key,
                LinkedHashMap::new,
                Collectors.mapping(OutboxPublisherTest::ceId, Collectors.toList())));
  }

  @Test
  void shouldNeverLetTwoRelaysClaimTheSameRowInOnePass() throws Exception {
    append(40, 8, TOPIC);
    try (Connection a = dataSource.getConnection();
        Connection b = dataSource.getConnection()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      List<OutboxClaims.Row> first = OutboxClaims.claim(a, 4, "relay-a", Duration.ofMinutes(1));
      List<OutboxClaims.Row> second = OutboxClaims.claim(b, 100, "relay-b", Duration.ofMinutes(1));
      Set<Long> firstSeqs = first.stream().map(OutboxClaims.Row::seq).collect(Collectors.toSet());
      Set<String> firstKeys =
          first.stream().map(OutboxClaims.Row::aggregateId).collect(Collectors.toSet());
      assertThat(first).hasSize(4);
      assertThat(second).isNotEmpty();
      assertThat(second).noneMatch(r -> firstSeqs.contains(r.seq()));
      // nor any row of an aggregate the other relay is publishing: that would break its order
      assertThat(second).noneMatch(r -> firstKeys.contains(r.aggregateId()));
      a.rollback();
      b.rollback();
    }
  }

  @Test
  void shouldKeepClaimedRowsFromOtherRelaysUntilTheLeaseExpires() throws Exception {
    append(12, 4, TOPIC);
    List<OutboxClaims.Row> leased;
    try (Connection a = dataSource.getConnection()) {
      leased = OutboxClaims.claim(a, 3, "relay-a", Duration.ofMinutes(1)); // committed at once
    }
    Set<String> leasedKeys =
        leased.stream().map(OutboxClaims.Row::aggregateId).collect(Collectors.toSet());
    try (Connection b = dataSource.getConnection()) {
      List<OutboxClaims.Row> other = OutboxClaims.claim(b, 100, "relay-b", Duration.ZERO);
      assertThat(other).isNotEmpty().noneMatch(r -> leasedKeys.contains(r.aggregateId()));
      // relay-b's lease was zero: as if it had died, its rows are claimable again at once
      List<OutboxClaims.Row> again = OutboxClaims.claim(b, 100, "relay-c", Duration.ofMinutes(1));
      assertThat(again.stream().map(OutboxClaims.Row::seq))
          .containsExactlyElementsOf(other.stream().map(OutboxClaims.Row::seq).toList());
    }
  }

  @Test
  void shouldPublishEveryRowExactlyOnceAndInOrderWithTwoRelaysRacing() throws Exception {
    Map<String, List<String>> appended = append(300, 30, TOPIC);
    Set<String> ids = appended.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (KafkaProducer<String, String> p1 =
            KafkaClients.producer(infra.bootstrapServers(), "relay-1");
        KafkaProducer<String, String> p2 =
            KafkaClients.producer(infra.bootstrapServers(), "relay-2");
        TopicProbe probe = new TopicProbe(infra.bootstrapServers(), TOPIC)) {
      List<Future<?>> relays = new ArrayList<>();
      for (KafkaProducer<String, String> producer : List.of(p1, p2)) {
        OutboxPublisher relay =
            new OutboxPublisher(
                dataSource,
                producer,
                new OutboxPublisher.Settings(7, 3, Duration.ZERO, Duration.ZERO),
                d -> {});
        relays.add(
            pool.submit(
                () -> {
                  while (count("status <> 'PUBLISHED'") > 0) {
                    relay.publishPass();
                  }
                  return null;
                }));
      }
      for (Future<?> relay : relays) {
        relay.get();
      }
      List<ConsumerRecord<String, String>> records =
          probe.until(
              seen ->
                  seen.stream().map(OutboxPublisherTest::ceId).filter(ids::contains).count() >= 300,
              Duration.ofSeconds(60));
      records = probe.drain(Duration.ofMillis(500));
      List<String> received =
          records.stream().map(OutboxPublisherTest::ceId).filter(ids::contains).toList();
      assertThat(received).hasSize(300).doesNotHaveDuplicates();
      assertThat(byKey(records, ids)).isEqualTo(appended);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldHoldEventsWhileTheBrokerIsDownAndDeliverThemInOrderWhenItReturns() throws Exception {
    Path dir = Path.of("target/infra/outage-kafka").toAbsolutePath();
    int port = FreePorts.next();
    int controllerPort = FreePorts.next();
    KafkaBroker broker = KafkaBroker.start(dir, port, controllerPort, true);
    try {
      Topics.ensure(broker.bootstrapServers(), List.of("outage.events"), 3);
      try (KafkaProducer<String, String> producer =
          KafkaClients.producer(broker.bootstrapServers(), "outage-relay")) {
        OutboxPublisher relay = new OutboxPublisher(dataSource, producer, SETTINGS, d -> {});
        broker.close();

        Map<String, List<String>> appended = append(30, 3, "outage.events");
        OutboxPublisher.Pass pass = relay.publishPass();
        assertThat(pass.brokerUnavailable()).isTrue();
        assertThat(pass.published()).isZero();
        assertThat(count("status = 'PENDING'")).isEqualTo(30);
        assertThat(count("status = 'BLOCKED'")).as("an outage blocks nothing").isZero();

        broker = KafkaBroker.start(dir, port, controllerPort, false);
        await()
            .atMost(Duration.ofSeconds(90))
            .pollDelay(Duration.ZERO)
            .until(
                () -> {
                  relay.publishPass();
                  return count("status <> 'PUBLISHED'") == 0;
                });
        Set<String> ids =
            appended.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        try (TopicProbe probe = new TopicProbe(broker.bootstrapServers(), "outage.events")) {
          List<ConsumerRecord<String, String>> records =
              probe.until(s -> s.size() >= 30, Duration.ofSeconds(30));
          assertThat(byKey(records, ids)).isEqualTo(appended);
        }
      }
    } finally {
      broker.close();
    }
  }

  @Test
  void shouldBlockARowKafkaKeepsRefusingHoldItsAggregateAndReleaseItOnRequest() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      appendOne(c, TOPIC, "huge", "{\"blob\":\"" + "x".repeat(1_200_000) + "\"}");
      appendOne(c, TOPIC, "huge", "{\"n\":1}");
      appendOne(c, TOPIC, "small", "{\"n\":2}");
    }
    try (KafkaProducer<String, String> producer =
        KafkaClients.producer(infra.bootstrapServers(), "block-relay")) {
      OutboxPublisher relay = new OutboxPublisher(dataSource, producer, SETTINGS, d -> {});
      for (int i = 0; i < SETTINGS.maxAttempts(); i++) {
        relay.publishPass();
      }
    }
    assertThat(count("aggregate_id = 'small' and status = 'PUBLISHED'")).isEqualTo(1);
    assertThat(
            count(
                "aggregate_id = 'huge' and status = 'BLOCKED' and attempts = 3"
                    + " and last_error like 'RecordTooLargeException%'"))
        .isEqualTo(1);
    assertThat(count("aggregate_id = 'huge' and status = 'PENDING' and attempts = 0"))
        .as("the next event of the aggregate waits behind the blocked one")
        .isEqualTo(1);

    long blockedSeq;
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("select seq from outbox_pending where blocked")) {
      rs.next();
      blockedSeq = rs.getLong(1);
      assertThat(OutboxEntries.release(c, blockedSeq)).isTrue();
      assertThat(OutboxEntries.release(c, blockedSeq))
          .as("only a blocked row can be released")
          .isFalse();
    }
    assertThat(count("seq = " + blockedSeq + " and status = 'PENDING' and attempts = 0"))
        .isEqualTo(1);
  }

  @Test
  void shouldPurgeOnlyPublishedRowsPastRetention() throws Exception {
    append(6, 6, TOPIC);
    try (Connection c = dataSource.getConnection()) {
      c.createStatement()
          .execute(
              "update outbox set occurred_at = now() - interval '100 days'"
                  + " where seq in (select seq from outbox order by seq limit 4)");
      c.createStatement()
          .execute(
              "delete from outbox_pending where seq in (select seq from outbox order by seq limit 2)");
      c.createStatement()
          .execute(
              "update outbox set occurred_at = now() - interval '1 day'"
                  + " where seq in (select seq from outbox order by seq offset 4 limit 2)");
      c.createStatement()
          .execute(
              "delete from outbox_pending where seq in (select seq from outbox order by seq offset 4)");
      assertThat(Retention.purgePublishedBefore(c, Instant.now().minus(Duration.ofDays(90))))
          .isEqualTo(2);
    }
    assertThat(count("true")).isEqualTo(4);
    assertThat(count("status = 'PENDING'")).isEqualTo(2);
    assertThat(horizon())
        .as("the feed's purge horizon is the highest purged seq")
        .isEqualTo(minSeq() - 1);
  }

  @Test
  void shouldPurgeOnlyAPrefixSoTheHorizonNeverHidesAnUnpurgedRow() throws Exception {
    append(4, 4, TOPIC);
    try (Connection c = dataSource.getConnection()) {
      // the second row is BLOCKED: the old published rows after it stay, or the feed would have a
      // hole
      c.createStatement().execute("update outbox set occurred_at = now() - interval '100 days'");
      c.createStatement()
          .execute(
              "delete from outbox_pending where seq <> (select seq from outbox order by seq offset 1 limit 1)");
      c.createStatement().execute("update outbox_pending set blocked = true");
      long first = minSeq();
      assertThat(Retention.purgePublishedBefore(c, Instant.now().minus(Duration.ofDays(90))))
          .isEqualTo(1);
      assertThat(horizon()).isEqualTo(first);
      assertThat(count("status = 'PUBLISHED'")).isEqualTo(2);
    }
  }

  @Test
  void shouldSendNothingAfterARowTheBrokerRefusesLateAndKeepItsAggregateInOrder() throws Exception {
    String topic = "relaytest.small-messages";
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(topic, 1, (short) 1).configs(Map.of("max.message.bytes", "4096"))))
            .all()
            .get();
      }
    }
    // 20 KB the lz4 compression cannot shrink: the client accepts it (its limit is 1 MB), the
    // broker refuses
    byte[] noise = new byte[15_000];
    new java.util.Random(7).nextBytes(noise);
    String tooLarge = "{\"blob\":\"" + java.util.Base64.getEncoder().encodeToString(noise) + "\"}";
    List<String> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      for (String[] row :
          new String[][] {
            {"late", "{\"n\":1}"},
            {"other", "{\"n\":2}"},
            {"late", tooLarge},
            {"other", "{\"n\":3}"},
            {"late", "{\"n\":4}"},
            {"late", "{\"n\":5}"},
            {"other", "{\"n\":6}"}
          }) {
        appendOne(c, topic, row[0], row[1]);
        ids.add(lastEventId(c));
      }
    }
    try (KafkaProducer<String, String> producer =
            KafkaClients.producer(infra.bootstrapServers(), "late-relay");
        TopicProbe probe = new TopicProbe(infra.bootstrapServers(), topic)) {
      OutboxPublisher relay = new OutboxPublisher(dataSource, producer, SETTINGS, d -> {});
      OutboxPublisher.Pass pass = relay.publishPass();
      assertThat(pass.published()).isEqualTo(4);
      assertThat(pass.failed()).isEqualTo(1);
      assertThat(pass.brokerUnavailable()).isFalse();
      assertThat(
              count(
                  "event_id = '"
                      + ids.get(2)
                      + "' and status = 'PENDING' and attempts = 1"
                      + " and last_error like 'RecordTooLargeException%' and claimed_by is null"))
          .isEqualTo(1);
      assertThat(count("event_id = '" + ids.get(2) + "' and last_error like '%when serialized%'"))
          .as("refused by the broker after the send, not by the client's own size check")
          .isZero();
      assertThat(
              count(
                  "aggregate_id = 'late' and seq > (select seq from outbox where event_id = '"
                      + ids.get(2)
                      + "') and status = 'PENDING' and attempts = 0 and claimed_by is null"))
          .as("the rows behind the refused one wait, untouched")
          .isEqualTo(2);

      await()
          .atMost(Duration.ofSeconds(30))
          .pollDelay(Duration.ZERO)
          .until(
              () -> {
                relay.publishPass();
                return count("status = 'BLOCKED'") == 1;
              });
      probe.until(seen -> seen.size() >= 4, Duration.ofSeconds(30));
      List<String> received =
          probe.drain(Duration.ofSeconds(1)).stream().map(OutboxPublisherTest::ceId).toList();
      assertThat(received)
          .as("a consumer sees the aggregate's events in order, none after the refused one")
          .containsExactly(ids.get(0), ids.get(1), ids.get(3), ids.get(6));
    }
  }

  private static long horizon() throws SQLException {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("select purged_through from outbox_purge_horizon")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long minSeq() throws SQLException {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("select min(seq) from outbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
