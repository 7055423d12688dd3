package cn.gov.jingyang.ops.personnel.duty;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Planned and out-of-order duty-status changes: each status holds for its dated interval, whatever
 * order the changes were recorded in; dates that make no sense are refused with a 422 naming the
 * field.
 */
@QuarkusTest
class DatedDutyStatusTest {

  @Inject DataSource db;
  @Inject DutyStatusService service;

  private static final OffsetDateTime NOW =
      OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  private static final OffsetDateTime NEXT_WEEK = NOW.plusDays(7);
  private static final OffsetDateTime WEEK_AFTER = NOW.plusDays(14);

  private static ValidatableResponse change(
      String id, String status, OffsetDateTime from, OffsetDateTime until) {
    Map<String, Object> body = new HashMap<>(Map.of("status", status, "reason", "test"));
    if (from != null) {
      body.put("effectiveFrom", from.toString());
    }
    if (until != null) {
      body.put("until", until.toString());
    }
    return admin().body(body).post("/people/" + id + "/duty-status").then();
  }

  private static ValidatableResponse statusAt(String id, OffsetDateTime at) {
    return as(Roles.CHECKPOINT_OFFICER)
        .queryParam("at", at.toString())
        .get("/people/" + id + "/duty-status")
        .then()
        .statusCode(200);
  }

  @Test
  void shouldHoldLeaveNextWeekAndAvailableNowWhenRecordedInThatOrder() {
    String id = register("POLICE_OFFICER", bureau());
    change(id, "SICK", NOW.minusHours(2), null).statusCode(200);
    // planned first: not held to the state machine (SICK may not go straight to leave today)
    change(id, "ON_LEAVE", NEXT_WEEK, WEEK_AFTER).statusCode(200);
    // then the earlier-dated change: the doctor says fit again now
    change(id, "AVAILABLE", NOW.minusHours(1), null)
        .statusCode(200)
        .body("previousStatus", equalTo("SICK"));

    statusAt(id, NOW).body("status", equalTo("AVAILABLE"));
    String until =
        statusAt(id, NEXT_WEEK.plusDays(1))
            .body("status", equalTo("ON_LEAVE"))
            .extract()
            .path("until");
    assertThat(OffsetDateTime.parse(until)).isEqualTo(WEEK_AFTER);
    statusAt(id, WEEK_AFTER).body("status", equalTo("AVAILABLE"));
    statusAt(id, NOW.minusMinutes(90)).body("status", equalTo("SICK"));
    as(Roles.COMMAND).get("/people/" + id).then().body("dutyStatus", equalTo("AVAILABLE"));

    List<String> events = validEventsOf(db, id, "DutyStatusChanged");
    assertThat(events).hasSize(3);
    JsonPath leave = JsonPath.from(events.get(1));
    assertThat(leave.getString("data.status")).isEqualTo("ON_LEAVE");
    assertThat(OffsetDateTime.parse(leave.getString("data.effectiveFrom"))).isEqualTo(NEXT_WEEK);
    assertThat(OffsetDateTime.parse(leave.getString("data.until"))).isEqualTo(WEEK_AFTER);
  }

  @Test
  void shouldGiveTheSameTimelineWhenTheChangesAreRecordedTheOtherWayRound() {
    String id = register("POLICE_OFFICER", bureau());
    change(id, "SICK", NOW.minusHours(2), null).statusCode(200);
    change(id, "AVAILABLE", NOW.minusHours(1), null).statusCode(200);
    change(id, "ON_LEAVE", NEXT_WEEK, WEEK_AFTER).statusCode(200);

    statusAt(id, NOW).body("status", equalTo("AVAILABLE")).body("until", nullValue());
    statusAt(id, NEXT_WEEK.plusDays(1)).body("status", equalTo("ON_LEAVE"));
    statusAt(id, WEEK_AFTER).body("status", equalTo("AVAILABLE"));
  }

  @Test
  void shouldShowAPlannedChangeOnceItBegins() {
    String id = register("AUXILIARY_POLICE", bureau());
    OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
    change(id, "ON_LEAVE", soon, soon.plusDays(3)).statusCode(200);
    as(Roles.COMMAND).get("/people/" + id).then().body("dutyStatus", equalTo("AVAILABLE"));

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              service.rollForward(OffsetDateTime.now(ZoneOffset.UTC));
              as(Roles.COMMAND).get("/people/" + id).then().body("dutyStatus", equalTo("ON_LEAVE"));
            });
  }

  @Test
  void shouldRefuseDatesThatMakeNoSenseNamingTheField() {
    String id = register("POLICE_OFFICER", bureau());
    change(id, "ON_DUTY", NOW.minusHours(1), null).statusCode(200);
    // before the previous change, which has already begun: history is not rewritten
    change(id, "SICK", NOW.minusHours(3), null)
        .statusCode(422)
        .body("errors.field", org.hamcrest.Matchers.hasItem("effectiveFrom"));
    // at the same instant as another change
    change(id, "ON_LEAVE", NEXT_WEEK, null).statusCode(200);
    change(id, "SICK", NEXT_WEEK, null)
        .statusCode(422)
        .body("errors.field", org.hamcrest.Matchers.hasItem("effectiveFrom"));
    // an interval ending before it begins
    change(id, "RESTING", NOW.plusDays(2), NOW.plusDays(1))
        .statusCode(422)
        .body("errors.field", org.hamcrest.Matchers.hasItem("until"));
    // beyond the planning horizon
    change(id, "ON_LEAVE", NOW.plusYears(5), null)
        .statusCode(422)
        .body("errors.field", org.hamcrest.Matchers.hasItem("effectiveFrom"));
    assertThat(validEventsOf(db, id, "DutyStatusChanged")).hasSize(2);
  }
}
