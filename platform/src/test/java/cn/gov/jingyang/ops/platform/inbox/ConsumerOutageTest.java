package cn.gov.jingyang.ops.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.testapp.OutagePostgres;
import cn.gov.jingyang.ops.platform.testapp.PostgresOutageProfile;
import cn.gov.jingyang.ops.platform.testapp.UseRealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** The consumer's database goes away while events arrive, and comes back. */
@QuarkusTest
@TestProfile(PostgresOutageProfile.class)
class ConsumerOutageTest {

  private static final String TOPIC = UseRealInfrastructure.INBOUND;
  private static final String CONSUMER = "inbound-test";

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;
  @Inject MeterRegistry meters;
  @Inject @Readiness ConsumersReadinessCheck readiness;

  private static String event(UUID id) {
    return """
        {"specversion":"1.0","id":"%s","source":"/jingyang/elsewhere","type":"cn.gov.jingyang.elsewhere.ThingHappened",
         "subject":"thing-1","time":"2026-11-29T08:00:00+08:00","datacontenttype":"application/json","data":{}}"""
        .formatted(id);
  }

  private List<UUID> send(int count, String keyPrefix) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID id = UUID.randomUUID();
      TopicProbe.send(kafka.bootstrapServers(), TOPIC, keyPrefix + (i % 4), event(id));
      ids.add(id);
    }
    return ids;
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

  private boolean eachAppliedOnce(List<UUID> ids) throws Exception {
    for (UUID id : ids) {
      if (count("select count(*) from test_effect where event_id = ?", id) != 1) {
        return false;
      }
    }
    return true;
  }

  private double stuckPartitions() {
    return meters.get("ops.consumer.stuck").tag("consumer", CONSUMER).gauge().value();
  }

  private double transientRetries() {
    return meters.get("ops.consumer.transient.retries").tag("consumer", CONSUMER).counter().count();
  }

  @Test
  void shouldApplyEveryEventExactlyOnceAfterPostgresReturnsAndDeadLetterNone() throws Exception {
    String keys = "outage-" + UUID.randomUUID() + "-";
    List<UUID> before = send(4, keys);
    await().atMost(Duration.ofSeconds(30)).until(() -> eachAppliedOnce(before));
    double retriesBefore = transientRetries();

    List<UUID> during;
    OutagePostgres.stopServer();
    try {
      during = send(12, keys);
      await().atMost(Duration.ofSeconds(30)).until(() -> stuckPartitions() > 0);
      HealthCheckResponse stuck = readiness.call();
      assertThat(stuck.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(stuck.getData().orElseThrow())
          .containsKeys(CONSUMER + ".stuck-since", CONSUMER + ".error");
      given().get("/q/health/ready").then().statusCode(503);
      await().atMost(Duration.ofSeconds(30)).until(() -> transientRetries() > retriesBefore + 2);
    } finally {
      OutagePostgres.startServer();
    }

    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> eachAppliedOnce(during));
    assertThat(eachAppliedOnce(before)).isTrue();
    for (UUID id : during) {
      assertThat(count("select count(*) from processed_event where event_id = ?", id)).isEqualTo(1);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> stuckPartitions() == 0);
    assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

    try (TopicProbe dlt = new TopicProbe(kafka.bootstrapServers(), TOPIC + ".dlt")) {
      List<String> ours =
          dlt.drain(Duration.ofSeconds(2)).stream()
              .map(r -> r.value())
              .filter(v -> during.stream().anyMatch(id -> v.contains(id.toString())))
              .toList();
      assertThat(ours).as("nothing is dead-lettered for a transient fault").isEmpty();
    }
  }
}
