package cn.gov.jingyang.ops.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.testapp.UseRealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentConsumerTest {

  private static final String TOPIC = UseRealInfrastructure.INBOUND;

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;
  @Inject EventConsumers consumers;

  private static String event(UUID id, String correlationId, String data) {
    return event("ThingHappened", id, correlationId, data);
  }

  private static String event(String name, UUID id, String correlationId, String data) {
    return """
        {"specversion":"1.0","id":"%s","source":"/jingyang/elsewhere","type":"cn.gov.jingyang.elsewhere.%s",
         "subject":"thing-1","time":"2026-11-29T08:00:00+08:00","datacontenttype":"application/json",
         "correlationid":"%s","data":%s}"""
        .formatted(id, name, correlationId, data);
  }

  private void send(String key, String value) {
    TopicProbe.send(kafka.bootstrapServers(), TOPIC, key, value);
  }

  private long effects(UUID eventId) throws Exception {
    return count("select count(*) from test_effect where event_id = ?", eventId);
  }

  private long processedRows(UUID eventId) throws Exception {
    return count("select count(*) from processed_event where event_id = ?", eventId);
  }

  private long count(String sql, UUID eventId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void shouldApplyTheSameEventDeliveredTwiceOnce() throws Exception {
    UUID id = UUID.randomUUID();
    UUID marker = UUID.randomUUID();
    send("thing-1", event(id, "twice", "{}"));
    send("thing-1", event(id, "twice", "{}"));
    send("thing-1", event(marker, "marker", "{}")); // same partition: processed after both copies
    await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker) == 1);
    assertThat(effects(id)).isEqualTo(1);
    assertThat(consumers.runner("inbound-test").duplicatesSkipped()).isPositive();
    assertThat(processedRows(id)).isEqualTo(1);
  }

  @Test
  void shouldPassOverAnEventTheConsumerDoesNotActOnWithoutRecordingIt() throws Exception {
    UUID other = UUID.randomUUID();
    UUID marker = UUID.randomUUID();
    ConsumerRunner runner = consumers.runner("inbound-test");
    long passedOverBefore = runner.passedOver();
    String key = "other-" + UUID.randomUUID(); // one partition: the marker comes after it
    send(key, event("OtherThingHappened", other, "other", "{}"));
    send(key, event(marker, "marker", "{}"));
    await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker) == 1);
    assertThat(runner.passedOver()).isGreaterThan(passedOverBefore);
    assertThat(effects(other)).as("not applied").isZero();
    assertThat(processedRows(other)).as("no processed-event row, no transaction").isZero();
    assertThat(processedRows(marker)).isEqualTo(1);
  }

  @Test
  void shouldNotDoubleTheEffectWhenTheConsumerDiesBeforeCommittingItsOffset() throws Exception {
    UUID id = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    ConsumerRunner runner = consumers.runner("inbound-test");
    long duplicatesBefore = runner.duplicatesSkipped();
    runner.beforeNextOffsetCommit(
        () -> {
          throw new IllegalStateException("drill: consumer crashed before committing offsets");
        });
    send("crash-1", event(id, "crash", "{}"));
    // the effect commits, the consumer dies, a new one reads the record again from the old offset
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> runner.duplicatesSkipped() > duplicatesBefore);
    send("crash-1", event(after, "after-crash", "{}"));
    await().atMost(Duration.ofSeconds(60)).until(() -> effects(after) == 1);
    assertThat(effects(id)).isEqualTo(1);
  }

  @Test
  void shouldSendAPoisonRecordToTheDeadLetterTopicAndCarryOn() throws Exception {
    UUID next = UUID.randomUUID();
    try (TopicProbe dlt = new TopicProbe(kafka.bootstrapServers(), TOPIC + ".dlt")) {
      send("poison-1", "this is not JSON at all");
      send("poison-1", event(next, "after-poison", "{}"));
      await().atMost(Duration.ofSeconds(30)).until(() -> effects(next) == 1);
      ConsumerRecord<String, String> dead =
          dlt
              .until(
                  s -> s.stream().anyMatch(r -> r.value().equals("this is not JSON at all")),
                  Duration.ofSeconds(30))
              .stream()
              .filter(r -> r.value().equals("this is not JSON at all"))
              .findFirst()
              .orElseThrow();
      assertThat(header(dead, DeadLetters.ERROR)).contains("not a CloudEvents JSON document");
      assertThat(header(dead, DeadLetters.CONSUMER)).isEqualTo("inbound-test");
      assertThat(header(dead, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(TOPIC);
      assertThat(header(dead, DeadLetters.ORIGINAL_OFFSET)).isNotBlank();
    }
  }

  @Test
  void shouldDeadLetterAnEventWhoseEffectKeepsFailingAndRollItBack() throws Exception {
    UUID failing = UUID.randomUUID();
    UUID next = UUID.randomUUID();
    try (TopicProbe dlt = new TopicProbe(kafka.bootstrapServers(), TOPIC + ".dlt")) {
      send("failing-1", event(failing, "fails", "{\"fail\":true}"));
      send("failing-1", event(next, "after-failure", "{}"));
      await().atMost(Duration.ofSeconds(30)).until(() -> effects(next) == 1);
      ConsumerRecord<String, String> dead =
          dlt
              .until(
                  s -> s.stream().anyMatch(r -> r.value().contains(failing.toString())),
                  Duration.ofSeconds(30))
              .stream()
              .filter(r -> r.value().contains(failing.toString()))
              .findFirst()
              .orElseThrow();
      assertThat(header(dead, DeadLetters.ERROR)).isEqualTo("this event cannot be applied");
      assertThat(header(dead, DeadLetters.ERROR_CLASS))
          .isEqualTo(IllegalStateException.class.getName());
    }
    assertThat(effects(failing)).as("a failed effect is rolled back").isZero();
    assertThat(processedRows(failing)).as("and not remembered as processed").isZero();
  }

  @Test
  void shouldDeadLetterExactlyThePoisonEventAmongGoodOnesAndApplyTheRest() throws Exception {
    String key =
        "mixed-" + UUID.randomUUID(); // one partition: the poison sits between the good ones
    UUID poison = UUID.randomUUID();
    java.util.List<UUID> good =
        java.util.List.of(
            UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    send(key, event(good.get(0), "mixed", "{}"));
    send(key, event(good.get(1), "mixed", "{}"));
    send(key, event(poison, "mixed", "{\"poison\":true}"));
    send(key, event(good.get(2), "mixed", "{}"));
    send(key, event(good.get(3), "mixed", "{}"));
    await().atMost(Duration.ofSeconds(30)).until(() -> effects(good.get(3)) == 1);
    for (UUID id : good) {
      assertThat(effects(id)).isEqualTo(1);
    }
    assertThat(effects(poison)).isZero();
    try (TopicProbe dlt = new TopicProbe(kafka.bootstrapServers(), TOPIC + ".dlt")) {
      dlt.until(
          s -> s.stream().anyMatch(r -> r.value().contains(poison.toString())),
          Duration.ofSeconds(30));
      var ours =
          dlt.drain(Duration.ofSeconds(1)).stream()
              .filter(
                  r ->
                      r.value().contains(poison.toString())
                          || good.stream().anyMatch(g -> r.value().contains(g.toString())))
              .toList();
      assertThat(ours)
          .as("the dead-letter topic holds the poison event, once, and none of the good ones")
          .hasSize(1);
      assertThat(ours.get(0).value()).contains(poison.toString());
      assertThat(header(ours.get(0), DeadLetters.ERROR_CLASS))
          .isEqualTo(PoisonEventException.class.getName());
      assertThat(header(ours.get(0), DeadLetters.ERROR)).isEqualTo("this event breaks a rule");
    }
  }

  @Test
  void shouldCarryTheCorrelationIdIntoTheConsumersWork() throws Exception {
    UUID id = UUID.randomUUID();
    send("corr-1", event(id, "corr-from-producer", "{}"));
    await().atMost(Duration.ofSeconds(30)).until(() -> effects(id) == 1);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select correlation_id from test_effect where event_id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("corr-from-producer");
      }
    }
  }

  private static String header(ConsumerRecord<String, String> r, String name) {
    var h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
