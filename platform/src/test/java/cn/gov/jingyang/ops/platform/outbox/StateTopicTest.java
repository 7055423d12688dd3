package cn.gov.jingyang.ops.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.inbox.EventConsumers;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.testapp.NoteStateHandler;
import cn.gov.jingyang.ops.platform.testapp.NotesResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An aggregate's latest state on a topic of its own ({@link Outbox#appendTo}): written with the
 * change, relayed keyed by the aggregate id, kept out of the event feed; and a consumer that reads
 * such a topic from the start reads it all again when restarted (a replica rebuild).
 */
@QuarkusTest
class StateTopicTest {

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;
  @Inject EventConsumers consumers;
  @Inject NoteStateHandler stateHandler;

  private static JsonPath writeNote(String text, UUID noteId, int status) {
    return given()
        .auth()
        .oauth2(DevTokens.token("tester", Roles.COMMAND))
        .contentType("application/json")
        .body(Map.of("text", text, "noteId", noteId, "withState", true))
        .post("/test/notes")
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  @Test
  void shouldPublishTheStateOnItsTopicKeyedByTheAggregateAndLeaveItOutOfTheFeed() throws Exception {
    UUID note = UUID.randomUUID();
    JsonPath written = writeNote("checkpoint 108 staffed", note, 200);
    String stateEventId = written.getString("stateEventId");

    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), NotesResource.STATE_TOPIC)) {
      var records =
          probe.until(
              seen -> seen.stream().anyMatch(r -> stateEventId.equals(ceId(r))),
              Duration.ofSeconds(30));
      var record =
          records.stream().filter(r -> stateEventId.equals(ceId(r))).findFirst().orElseThrow();
      assertThat(record.key()).isEqualTo(note.toString());
      assertThat(JsonPath.from(record.value()).getString("data.text"))
          .isEqualTo("checkpoint 108 staffed");
    }
    assertThat(topicOf(written.getString("eventId"))).isEqualTo("platformtest.events");
    assertThat(topicOf(stateEventId)).isEqualTo(NotesResource.STATE_TOPIC);

    String feed =
        given()
            .auth()
            .oauth2(DevTokens.token("province", Roles.PROVINCIAL_PLATFORM))
            .queryParam("after", seqOf(written.getString("eventId")) - 1)
            .queryParam("limit", 1000)
            .get("/events")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(feed).contains(written.getString("eventId")).doesNotContain(stateEventId);
  }

  @Test
  void shouldWriteNoStateWhenTheChangeRollsBack() throws Exception {
    UUID note = UUID.randomUUID();
    writeNote("rollback please", note, 500);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from outbox where aggregate_id = ?")) {
      ps.setString(1, note.toString());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void shouldReadTheStateTopicAgainFromTheStartWhenTheConsumerRestarts() {
    UUID stateEventId =
        UUID.fromString(
            writeNote("shift 3 posted", UUID.randomUUID(), 200).getString("stateEventId"));
    await().atMost(Duration.ofSeconds(60)).until(() -> stateHandler.timesSeen(stateEventId) == 1);

    consumers.restart(NoteStateHandler.NAME);

    // not skipped as a duplicate: the handler is idempotent by itself and applies it again
    await().atMost(Duration.ofSeconds(60)).until(() -> stateHandler.timesSeen(stateEventId) == 2);
  }

  private String topicOf(String eventId) throws Exception {
    return column("topic", eventId);
  }

  private long seqOf(String eventId) throws Exception {
    return Long.parseLong(column("seq", eventId));
  }

  private String column(String column, String eventId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select " + column + " from outbox where event_id = ?::uuid")) {
      ps.setString(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  private static String ceId(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> r) {
    var header = r.headers().lastHeader("ce_id");
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
