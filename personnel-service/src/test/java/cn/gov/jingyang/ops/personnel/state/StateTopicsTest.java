package cn.gov.jingyang.ops.personnel.state;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.createUnit;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.personnel.TestApi;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 §3: the latest state of every person and unit on the compacted topics
 * personnel.people.state and personnel.units.state, written with each change (through the outbox,
 * so in its transaction), and republished on request for what was recorded before.
 */
@QuarkusTest
class StateTopicsTest {

  @Inject DataSource db;
  @Inject KafkaClients kafka;

  @Test
  void shouldPublishEveryChangeOfAPersonAsANewerSnapshotEndingInactive() {
    String unit = bureau();
    String id = register("POLICE_OFFICER", unit);
    JsonPath person = admin().get("/people/" + id).then().statusCode(200).extract().jsonPath();
    Map<String, Object> details = new java.util.HashMap<>(TestApi.person("POLICE_OFFICER", unit));
    details.put("badgeNumber", person.getString("badgeNumber"));
    details.put("name", "张伟");
    admin()
        .header("If-Match", "\"" + person.getLong("version") + "\"")
        .body(details)
        .put("/people/" + id)
        .then()
        .statusCode(200);
    OffsetDateTime sickUntil =
        OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.SECONDS);
    admin()
        .body(Map.of("status", "SICK", "reason", "fever", "until", sickUntil.toString()))
        .post("/people/" + id + "/duty-status")
        .then()
        .statusCode(200);
    admin()
        .body(Map.of("reason", "retired"))
        .post("/people/" + id + "/deactivation")
        .then()
        .statusCode(200);

    List<JsonPath> snapshots = snapshots(id, "personnel.people.state");
    assertThat(snapshots).hasSize(4);
    List<Long> versions = snapshots.stream().map(s -> s.getLong("data.version")).toList();
    assertThat(versions).isSorted().doesNotHaveDuplicates();
    // the sickness's snapshot says until when it holds (a replica may see it before the change)
    assertThat(snapshots.get(2).getString("data.dutyStatus")).isEqualTo("SICK");
    assertThat(OffsetDateTime.parse(snapshots.get(2).getString("data.dutyStatusUntil")).toInstant())
        .isEqualTo(sickUntil.toInstant());
    assertThat(snapshots.get(1).getString("data.dutyStatusUntil")).isNull();
    JsonPath last = snapshots.get(snapshots.size() - 1);
    assertThat(last.getString("data.name")).isEqualTo("张伟");
    assertThat(last.getString("data.dutyStatus")).isEqualTo("SICK");
    assertThat(last.getBoolean("data.active")).isFalse(); // a snapshot, not a tombstone
    assertThat(last.getString("data.deactivationReason")).isEqualTo("retired");
    JsonPath now = admin().get("/people/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(last.getLong("data.version")).isEqualTo(now.getLong("version"));

    // on Kafka, keyed by the person: the latest record is the state personnel holds now
    String lastId = last.getString("id");
    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), "personnel.people.state")) {
      List<ConsumerRecord<String, String>> seen =
          probe.until(
              records -> records.stream().anyMatch(r -> r.value().contains(lastId)),
              Duration.ofSeconds(60));
      List<ConsumerRecord<String, String>> ofPerson =
          seen.stream().filter(r -> id.equals(r.key())).toList();
      assertThat(ofPerson).hasSize(4);
      assertThat(JsonPath.from(ofPerson.get(3).value()).getString("id")).isEqualTo(lastId);
    }
  }

  @Test
  void shouldPublishAUnitWithItsTownsAndAgainWhenItsCoverageChanges() {
    String town = TestApi.unclaimedTown();
    String station = createUnit("POLICE_STATION", bureau());
    admin()
        .header("If-Match", TestApi.etag("/units/" + station))
        .body(Map.of("towns", List.of(town)))
        .put("/units/" + station + "/coverage")
        .then()
        .statusCode(200);
    List<JsonPath> snapshots = snapshots(station, "personnel.units.state");
    assertThat(snapshots).hasSize(2);
    assertThat(snapshots.get(0).getList("data.towns")).isEmpty();
    assertThat(snapshots.get(1).getString("data.kind")).isEqualTo("POLICE_STATION");
    assertThat(snapshots.get(1).getList("data.towns.code")).hasSize(1);
    assertThat(snapshots.get(1).getLong("data.version"))
        .isGreaterThan(snapshots.get(0).getLong("data.version"));
  }

  @Test
  void shouldRepublishEveryPersonAndUnitIncludingThoseRecordedBeforeTheStateTopics()
      throws Exception {
    String unit = bureau();
    // a person recorded before this change: in the table, never on the state topic
    UUID old = UUID.randomUUID();
    exec(
        "insert into person (id, category, name, unit_id, duty_status, duty_status_since, version)"
            + " values (?, 'STAFF', '老同志', ?::uuid, 'AVAILABLE', now(), 7)",
        old,
        unit);
    assertThat(snapshots(old.toString(), "personnel.people.state")).isEmpty();

    JsonPath counts =
        as(Roles.COMMAND)
            .post("/admin/state/republish")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    List<JsonPath> republished = snapshots(old.toString(), "personnel.people.state");
    assertThat(republished).hasSize(1);
    assertThat(republished.get(0).getString("data.name")).isEqualTo("老同志");
    assertThat(republished.get(0).getLong("data.version")).isEqualTo(7);
    assertThat(snapshots(unit, "personnel.units.state")).hasSize(2);
    assertThat(counts.getLong("people")).isEqualTo(count("select count(*) from person"));
    assertThat(counts.getLong("units")).isEqualTo(count("select count(*) from unit"));

    as(Roles.AUDITOR).post("/admin/state/republish").then().statusCode(403);
  }

  /** The snapshots on a state topic for an aggregate, oldest first, each valid by its contract. */
  private List<JsonPath> snapshots(String aggregateId, String topic) {
    List<JsonPath> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select event::text from outbox where aggregate_id = ? and topic = ? order by seq")) {
      ps.setString(1, aggregateId);
      ps.setString(2, topic);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          EventContracts.assertValid(rs.getString(1));
          out.add(JsonPath.from(rs.getString(1)));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private void exec(String sql, Object... params) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
