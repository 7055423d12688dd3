package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3 of issue 11, through the gateway only: an officer works checkpoint shifts on the seven
 * days before today (scheduled, started and ended by COMMAND in checkpoint-service); personnel-
 * service counts them from {@code ShiftStarted}/{@code ShiftEnded} and raises a fatigue alert,
 * which shows in personnel's fatigue views and in today's situation report, and which
 * checkpoint-service honours (no new shift without COMMAND's override). A rest day registered for
 * today clears it everywhere.
 */
class FatigueFlowTest {

  private static GatewayApi api;
  private static Registrations registrations;

  @BeforeAll
  static void suite() {
    api = SystemStack.get().api();
    registrations = new Registrations(api);
  }

  @Test
  void shouldRaiseAFatigueAlertAfterSevenDaysOfShiftsAndClearItWithARestDay() {
    String tag = Registrations.tag();
    UUID unit = registrations.unit("疲劳测试大队" + tag);
    UUID officer = registrations.person(unit, "连续值守" + tag);
    UUID checkpoint = registrations.checkpoint(null);
    LocalDate today = LocalDate.now(Registrations.DISTRICT);

    List<LocalDate> worked = new ArrayList<>();
    for (int back = 7; back >= 1; back--) {
      LocalDate day = today.minusDays(back);
      OffsetDateTime start = dayAt(day, 8);
      OffsetDateTime end = dayAt(day, 20);
      String shift =
          registrations.scheduledShift(checkpoint, start, end, officer).path("id").asText();
      moment(shift, "start", start);
      moment(shift, "end", end);
      worked.add(day);
    }

    // personnel-service: a streak of seven duty days and an open alert
    String fatiguePath = "/api/v1/personnel/people/" + officer + "/fatigue";
    JsonNode fatigue =
        await()
            .atMost(Registrations.PATIENCE)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> registrations.get(Roles.COMMAND, fatiguePath),
                f -> f.path("standing").path("alertOpen").asBoolean());
    JsonNode standing = fatigue.path("standing");
    assertThat(standing.path("consecutiveDutyDays").asInt()).isEqualTo(7);
    assertThat(standing.path("streakStartedOn").asText()).isEqualTo(worked.get(0).toString());
    assertThat(standing.path("thresholdDays").asInt()).isEqualTo(7);
    assertThat(texts(fatigue.path("recentDutyDays")))
        .containsExactlyInAnyOrderElementsOf(worked.stream().map(LocalDate::toString).toList());
    assertThat(atOrNear(officer)).as("GET /fatigue lists the officer").isNotNull();
    assertThat(atOrNear(officer).path("alertOpen").asBoolean()).isTrue();

    // the daily situation report of today lists the alert
    JsonNode alerted = alertedInSituation(today, officer);
    assertThat(alerted).as("today's situation report lists the officer").isNotNull();
    assertThat(alerted.path("daysAtRaise").asInt()).isEqualTo(7);
    assertThat(alerted.path("streakStartedOn").asText()).isEqualTo(worked.get(0).toString());

    // checkpoint-service learnt the alert: no shift tomorrow without COMMAND's override
    String replica = "/api/v1/checkpoint/personnel/" + officer;
    await()
        .atMost(Registrations.PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> registrations.get(Roles.COMMAND, replica).path("fatigueAlertOpen").asBoolean());
    OffsetDateTime tomorrow = dayAt(today.plusDays(1), 8);
    HttpResponse<String> refused =
        registrations.scheduleShift(checkpoint, tomorrow, tomorrow.plusHours(12), officer);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(GatewayApi.json(refused).path("errors").get(0).path("field").asText())
        .isEqualTo("members[0].personId");

    // a rest day today breaks the streak: the alert is cleared at once
    HttpResponse<String> rest =
        registrations.post(
            Roles.PERSONNEL_ADMIN,
            fatiguePath + "/rest-days",
            Map.of("day", today.toString(), "reason", "ordered to rest after seven days"));
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
    assertThat(GatewayApi.json(rest).path("standing").path("alertOpen").asBoolean()).isFalse();
    JsonNode rested = registrations.get(Roles.COMMAND, fatiguePath).path("standing");
    assertThat(rested.path("alertOpen").asBoolean()).isFalse();
    assertThat(rested.path("consecutiveDutyDays").asInt()).isZero();
    assertThat(atOrNear(officer)).as("no longer at or near the threshold").isNull();
    assertThat(alertedInSituation(today, officer)).as("gone from today's report").isNull();

    // and checkpoint-service lets the rested officer be scheduled again
    await()
        .atMost(Registrations.PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> !registrations.get(Roles.COMMAND, replica).path("fatigueAlertOpen").asBoolean());
    HttpResponse<String> scheduled =
        registrations.scheduleShift(checkpoint, tomorrow, tomorrow.plusHours(12), officer);
    assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
  }

  private static OffsetDateTime dayAt(LocalDate day, int hour) {
    return day.atTime(LocalTime.of(hour, 0)).atZone(Registrations.DISTRICT).toOffsetDateTime();
  }

  private static void moment(String shift, String what, OffsetDateTime at) {
    HttpResponse<String> response =
        registrations.post(
            Roles.COMMAND,
            "/api/v1/checkpoint/shifts/" + shift + "/" + what,
            Map.of("at", Registrations.at(at)));
    assertThat(response.statusCode()).as("%s %s: %s", what, shift, response.body()).isEqualTo(200);
  }

  /** The officer's entry of {@code GET /fatigue?minDays=1}, or null. */
  private static JsonNode atOrNear(UUID officer) {
    for (JsonNode item :
        registrations
            .get(Roles.COMMAND, "/api/v1/personnel/fatigue?minDays=1&size=200")
            .path("items")) {
      if (item.path("personId").asText().equals(officer.toString())) {
        return item;
      }
    }
    return null;
  }

  /** The officer among the open alerts of the day's situation report, or null. */
  private static JsonNode alertedInSituation(LocalDate day, UUID officer) {
    JsonNode personnel =
        registrations.get(Roles.COMMAND, "/api/v1/situation?date=" + day).path("personnel");
    assertThat(personnel.path("status").asText()).as(personnel.toString()).isEqualTo("available");
    for (JsonNode person : personnel.path("fatigueAlerts").path("people")) {
      if (person.path("personId").asText().equals(officer.toString())) {
        return person;
      }
    }
    return null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
