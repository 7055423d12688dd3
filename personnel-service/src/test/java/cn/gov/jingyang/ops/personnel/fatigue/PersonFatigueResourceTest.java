package cn.gov.jingyang.ops.personnel.fatigue;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Duty and rest registered directly, the "at or near the threshold" list, and the daily sweep. */
@QuarkusTest
class PersonFatigueResourceTest {

  @Inject DataSource db;
  @Inject FatigueService fatigue;

  private static void dutyOn(String personId, LocalDate day) {
    admin()
        .body(Map.of("start", day + "T07:30:00+08:00", "end", day + "T19:30:00+08:00"))
        .post("/people/" + personId + "/fatigue/duty-periods")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldListPeopleNearTheThresholdThenAlertAndClearWhenTheyRest() {
    String officer = register("POLICE_OFFICER", bureau());
    LocalDate first = LocalDate.of(2020, 4, 1);
    for (int i = 0; i < 5; i++) {
      dutyOn(officer, first.plusDays(i));
    }
    as(Roles.COMMAND)
        .get("/fatigue?size=200")
        .then()
        .statusCode(200)
        .body("items.find { it.personId == '" + officer + "' }.consecutiveDutyDays", equalTo(5))
        .body("items.find { it.personId == '" + officer + "' }.alertOpen", equalTo(false));
    assertThat(validEventsOf(db, officer, "FatigueAlertRaised")).isEmpty();

    dutyOn(officer, first.plusDays(5));
    dutyOn(officer, first.plusDays(6));
    dutyOn(officer, first.plusDays(6)); // a second period the same day is still one day
    as(Roles.AUDITOR)
        .get("/people/" + officer + "/fatigue")
        .then()
        .body("standing.consecutiveDutyDays", equalTo(7))
        .body("standing.alertOpen", equalTo(true));
    assertThat(validEventsOf(db, officer, "FatigueAlertRaised")).hasSize(1);

    admin()
        .body(
            Map.of(
                "status",
                "RESTING",
                "reason",
                "ordered home",
                "effectiveFrom",
                first.plusDays(7) + "T09:00:00+08:00"))
        .post("/people/" + officer + "/duty-status")
        .then()
        .statusCode(200);
    as(Roles.COMMAND)
        .get("/people/" + officer + "/fatigue")
        .then()
        .body("standing.consecutiveDutyDays", equalTo(0))
        .body("standing.alertOpen", equalTo(false));
    var cleared = validEventsOf(db, officer, "FatigueAlertCleared");
    assertThat(cleared).hasSize(1);
    assertThat(JsonPath.from(cleared.get(0)).getString("data.restDay"))
        .isEqualTo(first.plusDays(7).toString());
  }

  @Test
  void shouldClearAnAlertAtTheDailySweepOnceADayPassedWithoutDuty() {
    String officer = register("AUXILIARY_POLICE", bureau());
    LocalDate first = LocalDate.of(2020, 5, 1);
    for (int i = 0; i < 8; i++) {
      dutyOn(officer, first.plusDays(i));
    }
    as(Roles.COMMAND).get("/fatigue?size=200").then().body("items.personId", hasItem(officer));

    fatigue.reevaluateAll(first.plusDays(9)); // the morning after a day without duty

    as(Roles.COMMAND)
        .get("/people/" + officer + "/fatigue")
        .then()
        .body("standing.consecutiveDutyDays", equalTo(0))
        .body("standing.alertOpen", equalTo(false));
    var cleared = validEventsOf(db, officer, "FatigueAlertCleared");
    assertThat(cleared).hasSize(1);
    assertThat(JsonPath.from(cleared.get(0)).getString("data.restDay"))
        .isEqualTo(first.plusDays(8).toString());
  }

  @Test
  void shouldRefuseAStreakOrAReasonOverItsDeclaredLimitNamingTheField() {
    as(Roles.COMMAND)
        .get("/fatigue?minDays=367")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("minDays"));
    as(Roles.COMMAND).get("/fatigue?minDays=366").then().statusCode(200);

    String officer = register("POLICE_OFFICER", bureau());
    admin()
        .body(Map.of("day", "2020-02-03", "reason", "休".repeat(501)))
        .post("/people/" + officer + "/fatigue/rest-days")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("reason"));
    assertThat(validEventsOf(db, officer, "RestDayRecorded")).isEmpty();
    admin()
        .body(Map.of("day", "2020-02-03", "reason", "休".repeat(500)))
        .post("/people/" + officer + "/fatigue/rest-days")
        .then()
        .statusCode(200);
    assertThat(validEventsOf(db, officer, "RestDayRecorded")).hasSize(1);
  }

  @Test
  void shouldRefuseBadRegistrationsAndKeepFatigueFromCheckpointOfficers() {
    String officer = register("POLICE_OFFICER", bureau());
    admin()
        .body(Map.of("start", "2020-02-03T20:00:00+08:00", "end", "2020-02-03T08:00:00+08:00"))
        .post("/people/" + officer + "/fatigue/duty-periods")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("end"));
    admin()
        .body(Map.of("reason", "no day"))
        .post("/people/" + officer + "/fatigue/rest-days")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("day"));
    as(Roles.CHECKPOINT_OFFICER).get("/fatigue").then().statusCode(403);
    as(Roles.COMMAND)
        .body(Map.of("day", "2020-02-03"))
        .post("/people/" + officer + "/fatigue/rest-days")
        .then()
        .statusCode(403);
  }

  @Test
  void shouldDescribeEveryEndpointInOpenApi() {
    String api =
        io.restassured.RestAssured.given()
            .accept("application/json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(api)
        .contains(
            "/people/{id}/duty-status",
            "/people/{id}/fatigue",
            "/party-branches",
            "/party-applications",
            "/deployments",
            "/units/{id}/coverage",
            "/fatigue");
    assertThat(api).contains("Mainland mobile number", "Police badge number");
  }
}
