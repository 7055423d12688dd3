package cn.gov.jingyang.ops.checkpoint.shift;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShiftTest {

  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).truncatedTo(ChronoUnit.HOURS);

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private UUID available() {
    UUID person = Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE");
    awaitStatus(person, "AVAILABLE");
    return person;
  }

  private void awaitStatus(UUID person, String status) {
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/personnel/" + person)
                    .then()
                    .statusCode(200)
                    .body("dutyStatus", equalTo(status)));
  }

  private static Map<String, Object> shift(
      String checkpoint, OffsetDateTime start, int hours, List<Map<String, Object>> members) {
    return Map.of(
        "checkpointId",
        checkpoint,
        "start",
        start.toString(),
        "end",
        start.plusHours(hours).toString(),
        "members",
        members);
  }

  private String schedule(Map<String, Object> body) {
    return as(COMMAND).body(body).post("/shifts").then().statusCode(201).extract().path("id");
  }

  @Test
  void aShiftIsScheduledStartedAndEndedWithEventsPersonnelServiceCanRead() {
    String checkpoint = Api.activeCheckpoint();
    UUID lead = available();
    UUID member = available();
    String id =
        schedule(
            shift(checkpoint, BASE, 12, List.of(member(lead, "LEAD"), member(member, "MEMBER"))));

    as(OFFICER)
        .get("/shifts/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"))
        .body("members.size()", equalTo(2));
    as(COMMAND)
        .body("{}")
        .post("/shifts/" + id + "/end")
        .then()
        .statusCode(409)
        .body("allowed", org.hamcrest.Matchers.hasItem("STARTED"));
    as(COMMAND)
        .body("{\"at\":\"" + BASE.plusMinutes(5) + "\"}")
        .post("/shifts/" + id + "/start")
        .then()
        .statusCode(200)
        .body("status", equalTo("STARTED"));
    as(COMMAND)
        .body("{\"at\":\"" + BASE.plusHours(12).plusMinutes(10) + "\"}")
        .post("/shifts/" + id + "/end")
        .then()
        .statusCode(200)
        .body("status", equalTo("ENDED"));

    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), "checkpoint.events")) {
      var records =
          probe.until(
              rs -> rs.stream().filter(r -> id.equals(r.key())).count() >= 3,
              Duration.ofSeconds(30));
      List<String> events =
          records.stream().filter(r -> id.equals(r.key())).map(r -> r.value()).toList();
      assertThat(events).hasSize(3);
      assertThat(events.get(0)).contains("ShiftScheduled");
      assertThat(events.get(1)).contains("ShiftStarted");
      var ended = io.restassured.path.json.JsonPath.from(events.get(2));
      assertThat(ended.getString("type")).endsWith(".ShiftEnded");
      assertThat(ended.getString("data.members.find { it.role == 'LEAD' }.personId"))
          .isEqualTo(lead.toString());
      assertThat(java.time.OffsetDateTime.parse(ended.getString("data.start")).toInstant())
          .isEqualTo(BASE.plusMinutes(5).toInstant());
      assertThat(java.time.OffsetDateTime.parse(ended.getString("data.end")).toInstant())
          .isEqualTo(BASE.plusHours(12).plusMinutes(10).toInstant());
      events.forEach(EventContracts::assertValid);
    }
    as(AUDITOR)
        .queryParam("personId", lead)
        .get("/shifts")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(id));
  }

  @Test
  void nobodyIsOnTwoOverlappingShifts() {
    String checkpoint = Api.activeCheckpoint();
    UUID lead = available();
    UUID other = available();
    schedule(shift(checkpoint, BASE.plusDays(1), 12, List.of(member(lead, "LEAD"))));
    as(COMMAND)
        .body(
            shift(
                Api.activeCheckpoint(),
                BASE.plusDays(1).plusHours(11),
                8,
                List.of(member(other, "LEAD"), member(lead, "MEMBER"))))
        .post("/shifts")
        .then()
        .statusCode(409)
        .body("detail", containsString(lead.toString()));
    // back to back is fine
    schedule(shift(checkpoint, BASE.plusDays(1).plusHours(12), 12, List.of(member(lead, "LEAD"))));
  }

  @Test
  void twoConcurrentRequestsCannotBothPutAPersonOnOverlappingShifts() throws Exception {
    UUID person = available();
    List<Map<String, Object>> bodies =
        List.of(
            shift(Api.activeCheckpoint(), BASE.plusDays(12), 12, List.of(member(person, "LEAD"))),
            shift(
                Api.activeCheckpoint(),
                BASE.plusDays(12).plusHours(6),
                12,
                List.of(member(person, "LEAD"))));
    java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(2);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var futures =
          bodies.stream()
              .map(
                  body ->
                      java.util.concurrent.CompletableFuture.supplyAsync(
                          () -> {
                            try {
                              barrier.await(10, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (Exception e) {
                              throw new IllegalStateException(e);
                            }
                            return as(COMMAND)
                                .body(body)
                                .post("/shifts")
                                .then()
                                .extract()
                                .statusCode();
                          },
                          pool))
              .toList();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var f : futures) {
        statuses.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    } finally {
      pool.shutdownNow();
    }
    as(COMMAND).queryParam("personId", person).get("/shifts").then().body("total", equalTo(1));
  }

  @Test
  void membersMustBeKnownAndAvailableAndAShiftNeedsOneLead() {
    String checkpoint = Api.activeCheckpoint();
    UUID resting = Api.registerPerson(kafka.bootstrapServers(), "RESTING");
    awaitStatus(resting, "RESTING");
    UUID lead = available();
    as(COMMAND)
        .body(
            shift(
                checkpoint,
                BASE.plusDays(2),
                8,
                List.of(member(lead, "LEAD"), member(resting, "MEMBER"))))
        .post("/shifts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("members[1].personId"))
        .body("detail", containsString("RESTING"));
    as(COMMAND)
        .body(shift(checkpoint, BASE.plusDays(2), 8, List.of(member(UUID.randomUUID(), "LEAD"))))
        .post("/shifts")
        .then()
        .statusCode(422)
        .body("detail", containsString("not known"));
    as(COMMAND)
        .body(shift(checkpoint, BASE.plusDays(2), 8, List.of(member(lead, "MEMBER"))))
        .post("/shifts")
        .then()
        .statusCode(422)
        .body("detail", containsString("LEAD"));
    as(COMMAND)
        .body(
            shift(
                checkpoint,
                BASE.plusDays(2),
                8,
                List.of(Map.of("personId", lead.toString(), "role", "CAPTAIN"))))
        .post("/shifts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("members[0].role"));
    as(COMMAND)
        .body(
            shift(UUID.randomUUID().toString(), BASE.plusDays(2), 8, List.of(member(lead, "LEAD"))))
        .post("/shifts")
        .then()
        .statusCode(404);
    as(OFFICER)
        .body(shift(checkpoint, BASE.plusDays(2), 8, List.of(member(lead, "LEAD"))))
        .post("/shifts")
        .then()
        .statusCode(403);
  }

  @Test
  void aPersonFallingSickLeavesFutureShiftsOnceEvenWhenTheEventComesTwice() {
    String checkpoint = Api.activeCheckpoint();
    UUID sick = available();
    UUID lead = available();
    String future1 =
        schedule(
            shift(
                checkpoint,
                BASE.plusDays(5),
                12,
                List.of(member(lead, "LEAD"), member(sick, "MEMBER"))));
    String future2 =
        schedule(shift(checkpoint, BASE.plusDays(6), 12, List.of(member(sick, "LEAD"))));
    String other = schedule(shift(checkpoint, BASE.plusDays(7), 12, List.of(member(lead, "LEAD"))));

    String event =
        EventContracts.example("personnel", "DutyStatusChanged")
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", sick.toString())
            .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a13", UUID.randomUUID().toString());
    TopicProbe.send(kafka.bootstrapServers(), "personnel.events", sick.toString(), event);
    awaitStatus(sick, "SICK");

    as(COMMAND)
        .get("/shifts/" + future1)
        .then()
        .body("status", equalTo("UNDERSTAFFED"))
        .body("members.size()", equalTo(1))
        .body("members[0].personId", equalTo(lead.toString()));
    as(COMMAND)
        .get("/shifts/" + future2)
        .then()
        .body("status", equalTo("UNDERSTAFFED"))
        .body("members.size()", equalTo(0));
    as(COMMAND).get("/shifts/" + other).then().body("status", equalTo("SCHEDULED"));

    // the same event again, then a marker on the same key: once the marker is applied, so was the
    // duplicate
    TopicProbe.send(kafka.bootstrapServers(), "personnel.events", sick.toString(), event);
    String marker =
        EventContracts.example("personnel", "PersonUpdated")
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", sick.toString())
            .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a11", UUID.randomUUID().toString())
            .replace("\"dutyStatus\": \"AVAILABLE\"", "\"dutyStatus\": \"SICK\"")
            .replace("\"name\": \"张伟\"", "\"name\": \"张伟-marker\"");
    TopicProbe.send(kafka.bootstrapServers(), "personnel.events", sick.toString(), marker);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> as(COMMAND).get("/personnel/" + sick).then().body("name", equalTo("张伟-marker")));

    Db db = new Db(dataSource);
    List<String> understaffed = db.events("ShiftUnderstaffed", "removedPersonId", sick.toString());
    assertThat(understaffed).hasSize(2);
    understaffed.forEach(EventContracts::assertValid);
    assertThat(understaffed.get(0)).contains("person is SICK");
    as(COMMAND).get("/shifts/" + future1).then().body("members.size()", equalTo(1));
    as(COMMAND)
        .queryParam("status", "UNDERSTAFFED")
        .queryParam("checkpointId", checkpoint)
        .get("/shifts")
        .then()
        .body("total", equalTo(2));
    // and a sick person cannot be put on a new shift
    as(COMMAND)
        .body(shift(checkpoint, BASE.plusDays(9), 8, List.of(member(sick, "LEAD"))))
        .post("/shifts")
        .then()
        .statusCode(422)
        .body("detail", containsString("SICK"));
  }

  @Test
  void aClosedCheckpointTakesNoShifts() {
    String checkpoint = Api.activeCheckpoint();
    as(COMMAND)
        .body("{\"status\":\"CLOSED\"}")
        .post("/checkpoints/" + checkpoint + "/status")
        .then()
        .statusCode(200);
    UUID lead = available();
    as(COMMAND)
        .body(shift(checkpoint, BASE.plusDays(10), 8, List.of(member(lead, "LEAD"))))
        .post("/shifts")
        .then()
        .statusCode(409)
        .body("detail", containsString("CLOSED"));
  }
}
