package cn.gov.jingyang.ops.personnel.person;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.person;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.personnel.TestApi;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.pii.Resealer;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, R4: a person's phone rests sealed in {@code person.phone} and travels on Kafka masked,
 * with the sealed number beside it; rows and events written in clear before are converted at start.
 */
@QuarkusTest
class SealedPhoneTest {

  @Inject DataSource db;
  @Inject KafkaClients kafka;
  @Inject PersonalDataSealing sealing;
  @Inject Resealer resealer;

  @Test
  void shouldStoreThePhoneSealedAndAnswerItInClearOnlyToTheRolesThatSeeIt() {
    String unit = bureau();
    Map<String, Object> body = person("POLICE_OFFICER", unit);
    String phone = (String) body.get("phone");
    String id = register(body);

    String stored = rawPhone(id);
    assertThat(stored).startsWith("pd1:").doesNotContain(phone).doesNotContain(phone.substring(3));
    assertThat(sealing.open(stored)).isEqualTo(phone);

    admin().get("/people/" + id).then().statusCode(200).body("phone", equalTo(phone));
    as(Roles.COMMAND).get("/people/" + id).then().body("phone", equalTo(phone));
    as(Roles.AUDITOR).get("/people/" + id).then().body("phone", equalTo(masked(phone)));

    // a new number replaces the old one, sealed again
    String next = newPhone();
    body.put("phone", next);
    admin()
        .header("If-Match", TestApi.etag("/people/" + id))
        .body(body)
        .put("/people/" + id)
        .then()
        .statusCode(200)
        .body("phone", equalTo(next));
    assertThat(rawPhone(id)).startsWith("pd1:").doesNotContain(next).isNotEqualTo(stored);
    admin().get("/people/" + id).then().body("phone", equalTo(next));
  }

  @Test
  void shouldPublishThePhoneMaskedWithTheSealedNumberBesideItAndNeverInClear() {
    String unit = bureau();
    Map<String, Object> body = person("AUXILIARY_POLICE", unit);
    String phone = (String) body.get("phone");
    String id = register(body);
    String next = newPhone();
    body.put("phone", next);
    admin()
        .header("If-Match", TestApi.etag("/people/" + id))
        .body(body)
        .put("/people/" + id)
        .then()
        .statusCode(200);

    List<String> events = recordsOf(id, "personnel.events", 2);
    List<String> snapshots = recordsOf(id, PersonStates.TOPIC, 2);
    assertCarries(events.get(0), "PersonRegistered", phone);
    assertCarries(events.get(1), "PersonUpdated", next);
    assertCarries(snapshots.get(0), "PersonSnapshot", phone);
    assertCarries(snapshots.get(1), "PersonSnapshot", next);
  }

  @Test
  void shouldSealPhonesAndEventsWrittenInClearBeforeSealingAndStillAnswerThem() throws Exception {
    String unit = bureau();
    // a person recorded before sealing: the phone in clear in the table
    UUID old = UUID.randomUUID();
    String oldPhone = newPhone();
    exec(
        "insert into person (id, category, name, unit_id, phone, duty_status, duty_status_since)"
            + " values (?, 'STAFF', '老同志', ?::uuid, ?, 'AVAILABLE', now())",
        old,
        unit,
        oldPhone);
    // and an event published before sealing: the number in clear in the outbox row
    Map<String, Object> body = person("STAFF", unit);
    String phone = (String) body.get("phone");
    String id = register(body);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                count(
                        "select count(*) from outbox_entry where aggregate_id = '"
                            + id
                            + "' and status <> 'PUBLISHED'")
                    == 0);
    exec(
        "update outbox set event = jsonb_set(event #- '{data,phoneSealed}', '{data,phone}',"
            + " to_jsonb(?::text)) where aggregate_id = ?",
        phone,
        id);
    assertThat(rawPhone(old.toString())).isEqualTo(oldPhone);

    // the first start after sealing came: nothing of this service recorded as sealed yet
    exec("delete from sealed_data where name in ('person.phone', ?)", PublishedPhones.NAME);
    assertThat(resealer.resealAll(sealing)).isGreaterThanOrEqualTo(3);

    String stored = rawPhone(old.toString());
    assertThat(stored).startsWith("pd1:").doesNotContain(oldPhone);
    assertThat(sealing.open(stored)).isEqualTo(oldPhone);
    admin().get("/people/" + old).then().statusCode(200).body("phone", equalTo(oldPhone));
    as(Roles.AUDITOR).get("/people/" + old).then().body("phone", equalTo(masked(oldPhone)));
    admin().get("/people?q=老同志&unitId=" + unit).then().body("items[0].phone", equalTo(oldPhone));

    List<String> rows = TestApi.eventsOf(db, id);
    assertThat(rows).hasSize(2); // PersonRegistered and its PersonSnapshot
    for (String row : rows) {
      EventContracts.assertValid(row);
      assertThat(row).doesNotContain(phone);
      JsonPath json = JsonPath.from(row);
      assertThat(json.getString("data.phone")).isEqualTo(masked(phone));
      assertThat(sealing.open(json.getString("data.phoneSealed"))).isEqualTo(phone);
    }
    // no person event in the outbox is left with a number in clear
    assertThat(
            count(
                "select count(*) from outbox where event_type like 'cn.gov.jingyang.personnel.Person%'"
                    + " and event->'data'->>'phone' !~ '^[0-9]{3}[*]{4}[0-9]{4}$'"))
        .isZero();
  }

  private void assertCarries(String record, String type, String phone) {
    EventContracts.assertValid(record);
    JsonPath json = JsonPath.from(record);
    assertThat(json.getString("type")).isEqualTo("cn.gov.jingyang.personnel." + type);
    assertThat(record).doesNotContain(phone).doesNotContain(phone.substring(3));
    assertThat(IdNumbers.inClear(record)).isEmpty();
    assertThat(json.getString("data.phone")).isEqualTo(masked(phone));
    assertThat(json.getString("data.phoneSealed")).startsWith("pd1:");
    assertThat(sealing.open(json.getString("data.phoneSealed"))).isEqualTo(phone);
  }

  /** The values of the first {@code n} records of an aggregate on a topic, in order. */
  private List<String> recordsOf(String key, String topic, int n) {
    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), topic)) {
      return probe
          .until(
              records -> records.stream().filter(r -> key.equals(r.key())).count() >= n,
              Duration.ofSeconds(60))
          .stream()
          .filter(r -> key.equals(r.key()))
          .map(ConsumerRecord::value)
          .limit(n)
          .toList();
    }
  }

  private static String masked(String phone) {
    return phone.substring(0, 3) + "****" + phone.substring(7);
  }

  private static String newPhone() {
    return "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  private String rawPhone(String id) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("select phone from person where id = ?::uuid")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void exec(String sql, Object... params) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
