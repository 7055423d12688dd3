package cn.gov.jingyang.ops.checkpoint.personnel;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Dated duty statuses in the replica (issue 8 §4): leave planned for next week and "available now"
 * published after it end, in whichever order and however often they arrive, as personnel-service
 * sees them — AVAILABLE now, ON_LEAVE next week — and only the shift inside the leave loses the
 * person.
 */
@QuarkusTest
class DatedDutyStatusReplicaTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS);
  private static final OffsetDateTime LEAVE_FROM = NOW.plusDays(7);
  private static final OffsetDateTime LEAVE_UNTIL = NOW.plusDays(14);

  @Inject KafkaClients kafka;

  /** A DutyStatusChanged as personnel-service publishes it (fresh event id). */
  private static String change(
      UUID person, String status, OffsetDateTime from, OffsetDateTime until) {
    return EventContracts.example("personnel", "DutyStatusChanged")
        .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
        .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a13", UUID.randomUUID().toString())
        .replace("\"status\": \"SICK\"", "\"status\": \"" + status + "\"")
        .replace(
            "\"effectiveFrom\": \"2020-02-06T10:30:00+08:00\"",
            "\"effectiveFrom\": \"" + from + "\"")
        .replace("\"until\": null", "\"until\": " + (until == null ? "null" : "\"" + until + "\""));
  }

  private void send(UUID person, String event) {
    EventContracts.assertValid(event);
    TopicProbe.send(kafka.bootstrapServers(), "personnel.events", person.toString(), event);
  }

  private UUID registered() {
    UUID person = Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE");
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () -> as(COMMAND).get("/personnel/" + person).then().body("name", equalTo("张伟")));
    return person;
  }

  /** A later event on the person's partition: once applied, everything sent before is too. */
  private void awaitAllApplied(UUID person) {
    String name = "张伟" + UUID.randomUUID().toString().substring(0, 4);
    send(
        person,
        EventContracts.example("personnel", "PersonUpdated")
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a11", UUID.randomUUID().toString())
            .replace("\"version\": 1", "\"version\": 5")
            .replace("\"name\": \"张伟\"", "\"name\": \"" + name + "\""));
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () -> as(COMMAND).get("/personnel/" + person).then().body("name", equalTo(name)));
  }

  private static String statusAt(UUID person, OffsetDateTime at) {
    return as(COMMAND)
        .queryParam("at", at.toString())
        .get("/personnel/" + person + "/duty-status")
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  @Test
  void leaveNextWeekPublishedFirstThenAvailableNowEachDeliveredTwice() {
    scenario(true);
  }

  @Test
  void availableNowArrivingBeforeTheLeaveNextWeekGivesTheSameReplica() {
    scenario(false);
  }

  private void scenario(boolean leaveFirst) {
    UUID person = registered();
    UUID lead = registered();
    String tomorrow = Api.scheduleShift(lead, person, NOW.plusDays(1));
    String nextWeek = Api.scheduleShift(lead, person, LEAVE_FROM.plusDays(1));
    String afterLeave = Api.scheduleShift(lead, person, LEAVE_UNTIL.plusHours(1));

    String leave = change(person, "ON_LEAVE", LEAVE_FROM, LEAVE_UNTIL);
    String available = change(person, "AVAILABLE", NOW.minusHours(1), null);
    List<String> order = leaveFirst ? List.of(leave, available) : List.of(available, leave);
    for (String event : order) {
      send(person, event);
      send(person, event); // delivered again: same event id
    }
    awaitAllApplied(person);

    assertThat(statusAt(person, OffsetDateTime.now())).isEqualTo("AVAILABLE");
    assertThat(statusAt(person, LEAVE_FROM.plusDays(1))).isEqualTo("ON_LEAVE");
    assertThat(statusAt(person, LEAVE_UNTIL)).isEqualTo("AVAILABLE");
    as(COMMAND).get("/personnel/" + person).then().body("dutyStatus", equalTo("AVAILABLE"));

    as(COMMAND)
        .get("/shifts/" + nextWeek)
        .then()
        .body("status", equalTo("UNDERSTAFFED"))
        .body("members.size()", equalTo(1));
    as(COMMAND)
        .get("/shifts/" + tomorrow)
        .then()
        .body("status", equalTo("SCHEDULED"))
        .body("members.personId", hasItem(person.toString()));
    as(COMMAND)
        .get("/shifts/" + afterLeave)
        .then()
        .body("status", equalTo("SCHEDULED"))
        .body("members.personId", hasItem(person.toString()));

    // planning the person inside their leave is refused, naming the member; after it, accepted
    UUID otherLead = registered();
    as(COMMAND)
        .body(Api.eightHourShift(otherLead, person, LEAVE_FROM.plusDays(3)))
        .post("/shifts")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("members[1].personId"));
    Api.scheduleShift(otherLead, person, LEAVE_UNTIL.plusDays(2));
  }
}
