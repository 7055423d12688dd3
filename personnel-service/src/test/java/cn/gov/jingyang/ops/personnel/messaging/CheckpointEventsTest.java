package cn.gov.jingyang.ops.personnel.messaging;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.eventsOf;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Shifts from checkpoint-service become duty days; seven in a row raise one FatigueAlert. */
@QuarkusTest
class CheckpointEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject DataSource db;
  @Inject KafkaClients kafka;

  /**
   * A shift event made from checkpoint-service's own example, with a new id, shift, times and
   * members.
   */
  private static String shiftEvent(
      String name, String eventId, String shiftId, String start, String end, String... personIds)
      throws Exception {
    ObjectNode event = (ObjectNode) JSON.readTree(EventContracts.example("checkpoint", name));
    event.put("id", eventId);
    event.put("subject", shiftId);
    ObjectNode data = (ObjectNode) event.get("data");
    data.put("shiftId", shiftId);
    data.put("start", start);
    data.put("end", end);
    var members = data.putArray("members");
    for (String id : personIds) {
      members.addObject().put("personId", id).put("role", "MEMBER");
    }
    String json = JSON.writeValueAsString(event);
    EventContracts.assertValid(json);
    return json;
  }

  private void send(String shiftId, String json) {
    TopicProbe.send(kafka.bootstrapServers(), "checkpoint.events", shiftId, json);
  }

  private void dayShift(LocalDate day, String... personIds) throws Exception {
    String shift = UUID.randomUUID().toString();
    String start = day + "T08:00:00+08:00";
    send(
        shift,
        shiftEvent(
            "ShiftStarted",
            UUID.randomUUID().toString(),
            shift,
            start,
            day + "T20:00:00+08:00",
            personIds));
    send(
        shift,
        shiftEvent(
            "ShiftEnded",
            UUID.randomUUID().toString(),
            shift,
            start,
            day + "T20:10:00+08:00",
            personIds));
  }

  private static JsonPath fatigue(String personId) {
    return as(Roles.COMMAND)
        .get("/people/" + personId + "/fatigue")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void shouldRaiseOneFatigueAlertAfterSevenDutyDaysAndClearItAfterARestDay() throws Exception {
    String officer = register("POLICE_OFFICER", bureau());
    String stranger =
        UUID.randomUUID().toString(); // not in the records: skipped, not dead-lettered
    LocalDate first = LocalDate.of(2020, 1, 25);
    for (int i = 0; i < 9; i++) {
      dayShift(first.plusDays(i), officer, stranger);
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(fatigue(officer).getInt("standing.consecutiveDutyDays")).isEqualTo(9));

    List<String> raised = validEventsOf(db, officer, "FatigueAlertRaised");
    assertThat(raised).hasSize(1);
    JsonPath alert = JsonPath.from(raised.get(0));
    // shifts are keyed by shift id, so days may arrive out of order: the alert comes at 7 days or
    // more
    int days = alert.getInt("data.consecutiveDutyDays");
    assertThat(days).isBetween(7, 9);
    assertThat(alert.getString("data.streakStartedOn")).isEqualTo("2020-01-25");
    assertThat(alert.getString("data.lastDutyDay")).isEqualTo(first.plusDays(days - 1L).toString());
    as(Roles.COMMAND)
        .get("/fatigue?size=200")
        .then()
        .statusCode(200)
        .body("items.findAll { it.alertOpen }.personId", hasItem(officer));

    admin()
        .body(Map.of("day", "2020-02-03", "reason", "ordered to rest"))
        .post("/people/" + officer + "/fatigue/rest-days")
        .then()
        .statusCode(200)
        .body("standing.consecutiveDutyDays", equalTo(0))
        .body("standing.alertOpen", equalTo(false));
    List<String> cleared = validEventsOf(db, officer, "FatigueAlertCleared");
    assertThat(cleared).hasSize(1);
    assertThat(JsonPath.from(cleared.get(0)).getString("data.restDay")).isEqualTo("2020-02-03");
    as(Roles.COMMAND).get("/fatigue?size=200").then().body("items.personId", not(hasItem(officer)));
  }

  @Test
  void shouldApplyTheSameShiftEventOnlyOnce() throws Exception {
    String unit = bureau();
    String officer = register("AUXILIARY_POLICE", unit);
    String marker = register("AUXILIARY_POLICE", unit);
    String shift = UUID.randomUUID().toString();
    String started =
        shiftEvent(
            "ShiftStarted",
            UUID.randomUUID().toString(),
            shift,
            "2020-02-03T20:00:00+08:00",
            "2020-02-04T08:00:00+08:00",
            officer);
    send(shift, started);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(fatigue(officer).getList("recentDutyDays"))
                    .containsExactly("2020-02-04", "2020-02-03"));
    int eventsBefore = eventsOf(db, officer).size();

    send(shift, started); // redelivered
    // then, on the same partition (same key), an event for someone else: once it shows, the
    // duplicate was handled
    send(
        shift,
        shiftEvent(
            "ShiftStarted",
            UUID.randomUUID().toString(),
            shift,
            "2020-02-10T08:00:00+08:00",
            "2020-02-10T09:00:00+08:00",
            marker));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(fatigue(marker).getList("recentDutyDays"))
                    .containsExactly("2020-02-10"));

    assertThat(fatigue(officer).getList("recentDutyDays"))
        .containsExactly("2020-02-04", "2020-02-03");
    assertThat(eventsOf(db, officer)).hasSize(eventsBefore);
  }

  @Test
  void shouldTakeTheActualTimesOfAnEndedShift() throws Exception {
    String officer = register("POLICE_OFFICER", bureau());
    String shift = UUID.randomUUID().toString();
    send(
        shift,
        shiftEvent(
            "ShiftStarted",
            UUID.randomUUID().toString(),
            shift,
            "2020-02-05T20:00:00+08:00",
            "2020-02-06T08:00:00+08:00",
            officer));
    send(
        shift,
        shiftEvent(
            "ShiftEnded",
            UUID.randomUUID().toString(),
            shift,
            "2020-02-05T20:00:00+08:00",
            "2020-02-05T23:30:00+08:00",
            officer));
    // a late copy of the start must not bring the planned night back
    send(
        shift,
        shiftEvent(
            "ShiftStarted",
            UUID.randomUUID().toString(),
            shift,
            "2020-02-05T20:00:00+08:00",
            "2020-02-06T08:00:00+08:00",
            officer));
    String marker = register("POLICE_OFFICER", bureau());
    send(
        shift,
        shiftEvent(
            "ShiftStarted",
            UUID.randomUUID().toString(),
            shift,
            "2020-02-07T08:00:00+08:00",
            "2020-02-07T09:00:00+08:00",
            marker));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(fatigue(marker).getList("recentDutyDays"))
                    .containsExactly("2020-02-07"));
    assertThat(fatigue(officer).getList("recentDutyDays")).containsExactly("2020-02-05");
  }

  @Test
  void shouldDissolveTheTemporaryBranchesOfAClosedCheckpoint() throws Exception {
    String checkpoint = UUID.randomUUID().toString();
    String branch =
        admin()
            .body(
                Map.of(
                    "name",
                    "孝泉卡點臨時黨支部",
                    "kind",
                    "TEMPORARY",
                    "checkpointId",
                    checkpoint,
                    "establishedOn",
                    "2020-02-01"))
            .post("/party-branches")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    ObjectNode suspended =
        (ObjectNode) JSON.readTree(EventContracts.example("checkpoint", "CheckpointStatusChanged"));
    suspended.put("id", UUID.randomUUID().toString());
    suspended.put("subject", checkpoint);
    ((ObjectNode) suspended.get("data"))
        .put("checkpointId", checkpoint)
        .put("previousStatus", "ACTIVE")
        .put("status", "SUSPENDED");
    send(checkpoint, JSON.writeValueAsString(suspended));
    ObjectNode closed = suspended.deepCopy();
    closed.put("id", UUID.randomUUID().toString());
    ((ObjectNode) closed.get("data")).put("previousStatus", "SUSPENDED").put("status", "CLOSED");
    EventContracts.assertValid(JSON.writeValueAsString(closed));
    send(checkpoint, JSON.writeValueAsString(closed));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                as(Roles.COMMAND)
                    .get("/party-branches/" + branch)
                    .then()
                    .body("dissolvedAt", org.hamcrest.Matchers.notNullValue()));
    // a suspension before the closure did not dissolve it: exactly one dissolution
    assertThat(validEventsOf(db, branch, "PartyBranchDissolved")).hasSize(1);
  }

  @Test
  void shouldPublishFatigueAlertsOnItsTopic() throws Exception {
    String officer = register("POLICE_OFFICER", bureau());
    for (int i = 0; i < 7; i++) {
      dayShift(LocalDate.of(2020, 3, 1).plusDays(i), officer);
    }
    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), "personnel.events")) {
      var records =
          probe.until(
              rs ->
                  rs.stream()
                      .anyMatch(
                          r -> officer.equals(r.key()) && r.value().contains("FatigueAlertRaised")),
              WAIT);
      records.stream()
          .filter(r -> officer.equals(r.key()))
          .forEach(r -> EventContracts.assertValid(r.value()));
    }
  }
}
