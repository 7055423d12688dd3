package cn.gov.jingyang.ops.personnel.situation;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.etag;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SituationTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Inject DataSource dataSource;

  @Test
  void dutyStatusesOnAPastDayCountThePeopleWhoseStatusHeldAtItsEnd() {
    LocalDate yesterday = LocalDate.now(SHANGHAI).minusDays(1);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    JsonPath before = situation(Roles.AUDITOR, yesterday.toString());
    String unit = bureau();
    change(person(unit), "ON_DUTY", now.minusDays(3), null);
    change(person(unit), "SICK", now.minusDays(2), null);
    change(person(unit), "INJURED", now.minusDays(2), null);
    change(person(unit), "ON_LEAVE", now.minusDays(2), null);
    change(person(unit), "ON_LEAVE", now.minusDays(5), now.minusDays(3)); // back before the day
    change(person(unit), "SICK", now.plusDays(2), null); // planned: not yet
    String deactivated = person(unit);
    change(deactivated, "SICK", now.minusDays(2), null);
    admin()
        .body(Map.of("reason", "调离"))
        .post("/people/" + deactivated + "/deactivation")
        .then()
        .statusCode(200);

    JsonPath after = situation(Roles.AUDITOR, yesterday.toString());
    assertThat(after.getString("date")).isEqualTo(yesterday.toString());
    assertThat(OffsetDateTime.parse(after.getString("asOf")))
        .isEqualTo(
            yesterday.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime().minusNanos(1000));
    for (String status : List.of("onDuty", "sick", "injured", "onLeave")) {
      assertThat(after.getLong("duty." + status))
          .as(status)
          .isEqualTo(before.getLong("duty." + status) + 1);
    }
  }

  @Test
  void openFatigueAlertsAndPartyApplicationsEqualACountOfTheirRows() {
    String unit = bureau();
    String tired = person(unit);
    change(tired, "ON_DUTY", OffsetDateTime.now(ZoneOffset.UTC).minusDays(9), null);
    LocalDate today = LocalDate.now(SHANGHAI);
    String applicant = person(unit);
    admin()
        .body(Map.of("status", "APPLICANT", "since", today.toString()))
        .header("If-Match", etag("/people/" + applicant + "/party-status"))
        .put("/people/" + applicant + "/party-status")
        .then()
        .statusCode(200);

    JsonPath report = situation(Roles.COMMAND, null);
    Db db = new Db(dataSource);
    assertThat(report.getString("date")).isEqualTo(today.toString());
    assertThat(report.getLong("fatigueAlerts.open"))
        .isPositive()
        .isEqualTo(
            db.count(
                "select count(*) from fatigue_alert a join person p on p.id = a.person_id"
                    + " where a.cleared_at is null and p.active"));
    List<Map<String, Object>> people = report.getList("fatigueAlerts.people");
    assertThat(people).hasSize((int) Math.min(200, report.getLong("fatigueAlerts.open")));
    Map<String, Object> alerted =
        people.stream().filter(p -> tired.equals(p.get("personId"))).findFirst().orElseThrow();
    assertThat(alerted.get("name"))
        .isEqualTo(
            db.strings("select name from person where id = ?", UUID.fromString(tired)).get(0));
    assertThat(alerted.get("daysAtRaise")).isEqualTo(10);
    assertThat(report.getLong("partyApplications"))
        .isPositive()
        .isEqualTo(
            db.count("select count(*) from party_application where submitted_on = ?", today));
  }

  @Test
  void onlyCommandAndAuditorReadItAndABadDateIs400() {
    as(Roles.PERSONNEL_ADMIN).get("/situation").then().statusCode(403);
    as(Roles.CHECKPOINT_OFFICER).get("/situation").then().statusCode(403);
    for (String bad : List.of("2020-02-30", "2020-2-3", "tomorrow", "1899-12-31")) {
      as(Roles.AUDITOR)
          .queryParam("date", bad)
          .get("/situation")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("date"));
    }
  }

  /** Someone registered a month ago, so that changes may be dated back. */
  private String person(String unit) {
    String id = register("AUXILIARY_POLICE", unit);
    new Db(dataSource)
        .count(
            "with u as (update person set duty_status_since = now() - interval '30 days'"
                + " where id = ? returning 1) select count(*) from u",
            UUID.fromString(id));
    return id;
  }

  private static void change(
      String personId, String status, OffsetDateTime from, OffsetDateTime until) {
    Map<String, Object> body = new HashMap<>(Map.of("status", status, "reason", "test"));
    body.put("effectiveFrom", from.toString());
    if (until != null) {
      body.put("until", until.toString());
    }
    admin().body(body).post("/people/" + personId + "/duty-status").then().statusCode(200);
  }

  private static JsonPath situation(String role, String date) {
    var request = as(role);
    if (date != null) {
      request.queryParam("date", date);
    }
    return request.get("/situation").then().statusCode(200).extract().jsonPath();
  }
}
