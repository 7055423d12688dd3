package cn.gov.jingyang.ops.cases.casefile;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.INVESTIGATOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.officer;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.publish;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.report;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.reportedCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Officers come from the person replica: known, active, not SICK/INJURED/ON_LEAVE. */
@QuarkusTest
class OfficerAssignmentTest {

  private static final String DUTY_STATUS_CHANGED = "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a13";

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  @Test
  void anAvailableOfficerIsAssignedOnceWithAnEvent() {
    UUID zhang = officer(kafka.bootstrapServers());
    String id =
        report(COMMAND, caseJson("RUMOUR", "ONLINE", "城北", "[\"" + zhang + "\"]"))
            .body("officers[0].personId", equalTo(zhang.toString()))
            .body("officers[0].name", equalTo("张伟"))
            .extract()
            .path("id");
    UUID li = officer(kafka.bootstrapServers());
    as(INVESTIGATOR)
        .body("{\"personId\":\"" + li + "\"}")
        .post("/cases/" + id + "/officers")
        .then()
        .statusCode(200)
        .body("officers.size()", equalTo(2))
        .body("timeline[-1].kind", equalTo("OFFICER_ASSIGNED"));
    as(INVESTIGATOR)
        .body("{\"personId\":\"" + li + "\"}")
        .post("/cases/" + id + "/officers")
        .then()
        .statusCode(409);
    as(COMMAND)
        .queryParam("officerId", li.toString())
        .get("/cases")
        .then()
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(id));

    List<String> events = new Db(dataSource).events("CaseOfficerAssigned", "caseId", id);
    assertThat(events).hasSize(2);
    events.forEach(EventContracts::assertValid);
  }

  @Test
  void anUnknownOfficerIs422NamingTheOfficer() {
    UUID nobody = UUID.randomUUID();
    as(COMMAND)
        .body(caseJson("RUMOUR", "ONLINE", "城北", "[\"" + nobody + "\"]"))
        .post("/cases")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("officers[0]"))
        .body("errors[0].message", containsString(nobody.toString()));
    as(COMMAND)
        .body("{\"personId\":\"" + nobody + "\"}")
        .post("/cases/" + reportedCase() + "/officers")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("personId"));
  }

  @Test
  void anOfficerWhoFellSickIs422UntilAvailableAgain() {
    UUID zhang = officer(kafka.bootstrapServers());
    UUID wang = officer(kafka.bootstrapServers());
    String id = reportedCase();
    publish(
        kafka.bootstrapServers(),
        zhang,
        "DutyStatusChanged",
        DUTY_STATUS_CHANGED,
        Map.of("2020-02-06T10:30:00+08:00", OffsetDateTime.now().minusMinutes(5).toString()));
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND).get("/personnel/" + zhang).then().body("dutyStatus", equalTo("SICK")));
    as(COMMAND)
        .body(caseJson("RUMOUR", "ONLINE", "城北", "[\"" + wang + "\",\"" + zhang + "\"]"))
        .post("/cases")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("officers[1]"))
        .body("errors[0].message", containsString("SICK"))
        .body("errors[0].message", containsString("张伟"));
    as(COMMAND)
        .body("{\"personId\":\"" + zhang + "\"}")
        .post("/cases/" + id + "/officers")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("personId"));

    // back at work: assignable again
    publish(
        kafka.bootstrapServers(),
        zhang,
        "DutyStatusChanged",
        DUTY_STATUS_CHANGED,
        Map.of(
            "\"status\": \"SICK\"",
            "\"status\": \"AVAILABLE\"",
            "2020-02-06T10:30:00+08:00",
            OffsetDateTime.now().toString()));
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .body("{\"personId\":\"" + zhang + "\"}")
                    .post("/cases/" + id + "/officers")
                    .then()
                    .statusCode(200));
  }

  @Test
  void theReplicaIgnoresStaleVersionsAndHonoursAnnouncedStatus() {
    UUID zhang = officer(kafka.bootstrapServers());
    String updated = "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a11";
    publish(
        kafka.bootstrapServers(),
        zhang,
        "PersonUpdated",
        updated,
        Map.of("\"version\": 1", "\"version\": 3", "\"name\": \"张伟\"", "\"name\": \"张伟三\""));
    publish(
        kafka.bootstrapServers(),
        zhang,
        "PersonUpdated",
        updated,
        Map.of("\"version\": 1", "\"version\": 2", "\"name\": \"张伟\"", "\"name\": \"过时\""));
    // leave announced for next week: assignable today
    OffsetDateTime nextWeek = OffsetDateTime.now().plusDays(7);
    publish(
        kafka.bootstrapServers(),
        zhang,
        "DutyStatusChanged",
        DUTY_STATUS_CHANGED,
        Map.of(
            "\"status\": \"SICK\"",
            "\"status\": \"ON_LEAVE\"",
            "2020-02-06T10:30:00+08:00",
            nextWeek.toString()));
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/personnel/" + zhang)
                    .then()
                    .body("nextDutyStatus", equalTo("ON_LEAVE"))
                    .body("dutyStatus", equalTo("AVAILABLE")));
    as(COMMAND).get("/personnel/" + zhang).then().body("name", equalTo("张伟三"));
    as(COMMAND)
        .body("{\"personId\":\"" + zhang + "\"}")
        .post("/cases/" + reportedCase() + "/officers")
        .then()
        .statusCode(200)
        .body("officers[0].name", equalTo("张伟三"));
    as(COMMAND).get("/personnel/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void aDeactivatedOfficerIs422() {
    UUID zhang = officer(kafka.bootstrapServers());
    publish(
        kafka.bootstrapServers(),
        zhang,
        "PersonDeactivated",
        "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a12",
        Map.of());
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () -> as(COMMAND).get("/personnel/" + zhang).then().body("active", equalTo(false)));
    as(COMMAND)
        .body("{\"personId\":\"" + zhang + "\"}")
        .post("/cases/" + reportedCase() + "/officers")
        .then()
        .statusCode(422)
        .body("errors[0].message", containsString("no longer active"));
  }
}
