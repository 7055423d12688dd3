package cn.gov.jingyang.ops.personnel.fatigue;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Days ON_DUTY (duty status) count towards the fatigue streak as shift days do: the seed's station
 * chiefs never worked a checkpoint shift, yet worked ten days on end.
 */
@QuarkusTest
class OnDutyFatigueTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Inject DataSource db;
  @Inject FatigueService fatigue;

  @Test
  void shouldCountDaysOnDutyTowardsTheStreakAndKeepCountingWhileTheStatusLasts() throws Exception {
    String chief = stationChiefRegisteredAMonthAgo();
    OffsetDateTime nineDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(9);
    changeStatus(chief, "ON_DUTY", nineDaysAgo);

    as(Roles.COMMAND)
        .get("/people/" + chief + "/fatigue")
        .then()
        .statusCode(200)
        .body("standing.consecutiveDutyDays", equalTo(10))
        .body("standing.alertOpen", equalTo(true));
    var raised = validEventsOf(db, chief, "FatigueAlertRaised");
    assertThat(raised).hasSize(1);
    assertThat(JsonPath.from(raised.get(0)).getString("data.streakStartedOn"))
        .isEqualTo(nineDaysAgo.atZoneSameInstant(SHANGHAI).toLocalDate().toString());

    // the daily sweep: still ON_DUTY today, so no day of the streak is a gap
    fatigue.reevaluateAll(LocalDate.now(SHANGHAI));
    as(Roles.COMMAND)
        .get("/people/" + chief + "/fatigue")
        .then()
        .body("standing.consecutiveDutyDays", equalTo(10))
        .body("standing.alertOpen", equalTo(true));

    // back to AVAILABLE: the ten days stay duty days, and only rest clears the alert
    changeStatus(chief, "AVAILABLE", OffsetDateTime.now(ZoneOffset.UTC));
    as(Roles.COMMAND)
        .get("/people/" + chief + "/fatigue")
        .then()
        .body("standing.consecutiveDutyDays", equalTo(10))
        .body("standing.alertOpen", equalTo(true));
    assertThat(validEventsOf(db, chief, "FatigueAlertRaised")).hasSize(1);
  }

  @Test
  void shouldCountOnlyTheDaysTheStatusLasted() throws Exception {
    String chief = stationChiefRegisteredAMonthAgo();
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(20);
    changeStatus(chief, "ON_DUTY", start);
    // while ON_DUTY since 20 days ago was all that was known, that was a 21-day streak
    assertThat(validEventsOf(db, chief, "FatigueAlertRaised")).hasSize(1);

    changeStatus(chief, "AVAILABLE", start.plusDays(3));
    as(Roles.COMMAND)
        .get("/people/" + chief + "/fatigue")
        .then()
        .statusCode(200)
        .body("recentDutyDays.size()", equalTo(4));

    // the days since are over and without duty: the sweep takes the first as the rest day
    fatigue.reevaluateAll(LocalDate.now(SHANGHAI));
    as(Roles.COMMAND)
        .get("/people/" + chief + "/fatigue")
        .then()
        .body("standing.consecutiveDutyDays", equalTo(0))
        .body("standing.alertOpen", equalTo(false));
    var cleared = validEventsOf(db, chief, "FatigueAlertCleared");
    assertThat(cleared).hasSize(1);
    assertThat(JsonPath.from(cleared.get(0)).getString("data.restDay"))
        .isEqualTo(start.plusDays(4).atZoneSameInstant(SHANGHAI).toLocalDate().toString());
  }

  private String stationChiefRegisteredAMonthAgo() throws Exception {
    String chief = register("POLICE_OFFICER", bureau());
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update person set duty_status_since = now() - interval '30 days' where id = ?")) {
      ps.setObject(1, UUID.fromString(chief));
      ps.executeUpdate();
    }
    return chief;
  }

  private static void changeStatus(String personId, String status, OffsetDateTime from) {
    admin()
        .body(Map.of("status", status, "reason", "所長 on duty", "effectiveFrom", from.toString()))
        .post("/people/" + personId + "/duty-status")
        .then()
        .statusCode(200);
  }
}
