package cn.gov.jingyang.ops.cases.personnel;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.officer;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.reportedCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * personnel's DutyStatusChanged is a dated change (contracts/README.md, issue 8 §4): the replica
 * keeps every change and reads the status at a time by the contract's rule, so whether an officer
 * may be assigned does not depend on the order the changes arrived in, nor on redelivery.
 */
@QuarkusTest
class DatedDutyStatusTest {

  private static final Duration WAIT = Duration.ofSeconds(45);

  @Inject KafkaClients kafka;

  @Test
  void leavePlannedForNextWeekDoesNotKeepAnOfficerOffTodayInEitherOrder() {
    for (boolean leaveBeforeAvailable : List.of(true, false)) {
      UUID zhang = officer(kafka.bootstrapServers());
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
      String sick = change(zhang, "SICK", now.minusDays(1), null);
      String leave = change(zhang, "ON_LEAVE", now.plusDays(7), now.plusDays(14));
      String available = change(zhang, "AVAILABLE", now.minusMinutes(1), null);
      // the old rule ("ignore a change older than the last applied") keeps zhang SICK here
      deliverTwice(
          zhang,
          leaveBeforeAvailable ? List.of(sick, leave, available) : List.of(available, leave, sick));

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(statusAt(zhang, now.minusHours(12))).isEqualTo("SICK");
                assertThat(statusAt(zhang, now)).isEqualTo("AVAILABLE");
                assertThat(statusAt(zhang, now.plusDays(8))).isEqualTo("ON_LEAVE");
              });
      assertThat(statusAt(zhang, now.plusDays(15))).isEqualTo("AVAILABLE");
      JsonPath person =
          as(COMMAND).get("/personnel/" + zhang).then().statusCode(200).extract().jsonPath();
      assertThat(person.getString("dutyStatus")).isEqualTo("AVAILABLE");
      assertThat(person.getString("nextDutyStatus")).isEqualTo("ON_LEAVE");
      assertThat(instant(person.getString("nextDutyStatusFrom")))
          .isEqualTo(now.plusDays(7).toInstant());
      assertThat(instant(person.getString("dutyStatusSince")))
          .isEqualTo(now.minusMinutes(1).toInstant());

      as(COMMAND)
          .body("{\"personId\":\"" + zhang + "\"}")
          .post("/cases/" + reportedCase() + "/officers")
          .then()
          .statusCode(200)
          .body("officers[0].personId", equalTo(zhang.toString()));
    }
  }

  @Test
  void anOfficerSickFromNowUntilTomorrowIs422NowInEitherOrder() {
    for (boolean sickFirst : List.of(true, false)) {
      UUID wang = officer(kafka.bootstrapServers());
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
      String sick = change(wang, "SICK", now.minusMinutes(1), now.plusDays(1));
      String leave = change(wang, "ON_LEAVE", now.plusDays(7), now.plusDays(14));
      deliverTwice(wang, sickFirst ? List.of(sick, leave) : List.of(leave, sick));

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(statusAt(wang, now)).isEqualTo("SICK");
                assertThat(statusAt(wang, now.plusDays(8))).isEqualTo("ON_LEAVE");
              });
      assertThat(statusAt(wang, now.plusDays(1))).isEqualTo("AVAILABLE");
      JsonPath person =
          as(COMMAND).get("/personnel/" + wang).then().statusCode(200).extract().jsonPath();
      assertThat(person.getString("dutyStatus")).isEqualTo("SICK");
      assertThat(person.getString("nextDutyStatus")).isEqualTo("AVAILABLE");
      assertThat(instant(person.getString("nextDutyStatusFrom")))
          .isEqualTo(now.plusDays(1).toInstant());

      as(COMMAND)
          .body(caseJson("RUMOUR", "ONLINE", "城北", "[\"" + wang + "\"]"))
          .post("/cases")
          .then()
          .statusCode(422)
          .body("errors[0].field", equalTo("officers[0]"))
          .body("errors[0].message", containsString("SICK until"));
      as(COMMAND)
          .body("{\"personId\":\"" + wang + "\"}")
          .post("/cases/" + reportedCase() + "/officers")
          .then()
          .statusCode(422)
          .body("errors[0].field", equalTo("personId"))
          .body("errors[0].message", containsString(wang.toString()));
    }
  }

  /** personnel's DutyStatusChanged example for {@code person}, with its own event id. */
  private static String change(
      UUID person, String status, OffsetDateTime from, OffsetDateTime until) {
    String event =
        EventContracts.example("personnel", "DutyStatusChanged")
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a13", UUID.randomUUID().toString())
            .replace("\"status\": \"SICK\"", "\"status\": \"" + status + "\"")
            .replace("2020-02-06T10:30:00+08:00", rfc3339(from))
            .replace(
                "\"until\": null",
                until == null ? "\"until\": null" : "\"until\": \"" + rfc3339(until) + "\"");
    EventContracts.assertValid(event);
    return event;
  }

  /** Each event delivered twice in a row (the same event id), in the order given. */
  private void deliverTwice(UUID person, List<String> events) {
    for (String event : events) {
      TopicProbe.send(kafka.bootstrapServers(), "personnel.events", person.toString(), event);
      TopicProbe.send(kafka.bootstrapServers(), "personnel.events", person.toString(), event);
    }
  }

  private static String statusAt(UUID person, OffsetDateTime at) {
    return as(COMMAND)
        .queryParam("at", rfc3339(at))
        .get("/personnel/" + person + "/duty-status")
        .then()
        .statusCode(200)
        .extract()
        .path("status");
  }

  /** With seconds always (toString leaves out :00, which RFC 3339 does not allow). */
  private static String rfc3339(OffsetDateTime t) {
    return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static java.time.Instant instant(String value) {
    return value == null ? null : OffsetDateTime.parse(value).toInstant();
  }
}
