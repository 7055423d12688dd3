package cn.gov.jingyang.ops.checkpoint.personnel;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PersonnelReplicaTest {

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private void send(
      UUID person, String eventName, String exampleId, Map<String, String> replacements) {
    String event =
        EventContracts.example("personnel", eventName)
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace(exampleId, UUID.randomUUID().toString());
    for (var r : replacements.entrySet()) {
      event = event.replace(r.getKey(), r.getValue());
    }
    TopicProbe.send(kafka.bootstrapServers(), "personnel.events", person.toString(), event);
  }

  private UUID registered() {
    UUID person = Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE");
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/personnel/" + person)
                    .then()
                    .statusCode(200)
                    .body("name", equalTo("张伟")));
    return person;
  }

  @Test
  void theReplicaKnowsCategoryUnitAndStatusAndIgnoresStaleVersions() {
    UUID person = registered();
    as(AUDITOR)
        .get("/personnel/" + person)
        .then()
        .body("category", equalTo("POLICE_OFFICER"))
        .body("unitId", equalTo("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"))
        .body("dutyStatus", equalTo("AVAILABLE"))
        .body("active", equalTo(true));

    send(
        person,
        "PersonUpdated",
        "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a11",
        Map.of("\"version\": 1", "\"version\": 3", "\"name\": \"张伟\"", "\"name\": \"张伟三\""));
    send(
        person,
        "PersonUpdated",
        "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a11",
        Map.of("\"version\": 1", "\"version\": 2", "\"name\": \"张伟\"", "\"name\": \"过时\""));
    send(
        person,
        "DutyStatusChanged",
        "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a13",
        Map.of("\"status\": \"SICK\"", "\"status\": \"RESTING\""));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(AUDITOR)
                    .get("/personnel/" + person)
                    .then()
                    .body("dutyStatus", equalTo("RESTING")));
    as(AUDITOR).get("/personnel/" + person).then().body("name", equalTo("张伟三"));
    as(AUDITOR)
        .queryParam("dutyStatus", "RESTING")
        .queryParam("size", 200)
        .get("/personnel")
        .then()
        .statusCode(200)
        .body("items.dutyStatus", org.hamcrest.Matchers.everyItem(equalTo("RESTING")));
    as(Api.STATION).get("/personnel/" + person).then().statusCode(403);
  }

  @Test
  void aDeactivatedPersonLeavesFutureShifts() {
    UUID person = registered();
    UUID lead = registered();
    OffsetDateTime start =
        OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(20).truncatedTo(ChronoUnit.HOURS);
    String shift = Api.scheduleShift(lead, person, start);

    send(person, "PersonDeactivated", "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a12", Map.of());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> as(COMMAND).get("/personnel/" + person).then().body("active", equalTo(false)));
    as(COMMAND)
        .get("/shifts/" + shift)
        .then()
        .body("status", equalTo("UNDERSTAFFED"))
        .body("members.size()", equalTo(1))
        .body("members[0].role", equalTo("LEAD"));
  }

  /**
   * The person's snapshot (state topic) and the dated DutyStatusChanged (personnel.events) travel
   * on different topics, so the snapshot can come first. SICK until three days from now must then
   * take the person off the shift of tomorrow only — not off the one in five days, as when the
   * snapshot's status stood for good — and the dated change arriving after changes nothing.
   */
  @Test
  void aSicknessSnapshotAheadOfItsDatedChangeTakesThePersonOffShiftsOnlyUntilItEnds() {
    UUID person = registered();
    UUID lead = registered();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS);
    OffsetDateTime until = now.plusDays(3);
    String tomorrow = Api.scheduleShift(lead, person, now.plusDays(1));
    String inFiveDays = Api.scheduleShift(lead, person, now.plusDays(5));

    String snapshot =
        EventContracts.example("personnel", "PersonSnapshot")
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace("5c0e7a1d-2b3f-4d6a-9e8c-7f1a2b3c4d5e", UUID.randomUUID().toString())
            .replace(
                "\"dutyStatusSince\": \"2020-02-05T09:30:00+08:00\"",
                "\"dutyStatusSince\": \"" + now + "\"")
            .replace(
                "\"dutyStatusUntil\": \"2020-02-08T09:30:00+08:00\"",
                "\"dutyStatusUntil\": \"" + until + "\"")
            .replace("\"version\": 3", "\"version\": 7");
    EventContracts.assertValid(snapshot);
    TopicProbe.send(
        kafka.bootstrapServers(), PersonStateHandler.TOPIC, person.toString(), snapshot);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/shifts/" + tomorrow)
                    .then()
                    .body("status", equalTo("UNDERSTAFFED"))
                    .body("members.size()", equalTo(1)));
    as(COMMAND).get("/personnel/" + person).then().body("dutyStatus", equalTo("SICK"));
    as(COMMAND).get("/shifts/" + inFiveDays).then().body("members.size()", equalTo(2));
    as(COMMAND)
        .queryParam("at", now.plusDays(4).toString())
        .get("/personnel/" + person + "/duty-status")
        .then()
        .statusCode(200)
        .body("status", equalTo("AVAILABLE"));

    send(
        person,
        "DutyStatusChanged",
        "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a13",
        Map.of(
            "\"effectiveFrom\": \"2020-02-06T10:30:00+08:00\"",
            "\"effectiveFrom\": \"" + now + "\"",
            "\"until\": null",
            "\"until\": \"" + until + "\""));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                new Db(dataSource)
                        .count(
                            "select count(*) from personnel_duty_interval where person_id = ?",
                            person)
                    == 1);
    as(COMMAND)
        .queryParam("at", now.plusDays(4).toString())
        .get("/personnel/" + person + "/duty-status")
        .then()
        .body("status", equalTo("AVAILABLE"));
    as(COMMAND).get("/shifts/" + inFiveDays).then().body("members.size()", equalTo(2));
  }
}
