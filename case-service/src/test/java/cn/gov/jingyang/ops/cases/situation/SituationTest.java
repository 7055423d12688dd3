package cn.gov.jingyang.ops.cases.situation;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.AUDITOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.INVESTIGATOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.STATION;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.move;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.cases.verification.Tasks;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SituationTest {

  private static final String DAY = "2020-03-09";

  @Inject DataSource dataSource;

  @Test
  void casesOpenedOnTheDayByKindEqualACountOfTheCasesReportedThen() {
    Map<String, Long> before = byKind(situation(DAY), "opened");
    reportAt("RUMOUR", "2020-03-09T00:00:00+08:00");
    reportAt("RUMOUR", "2020-03-09T23:59:00+08:00");
    reportAt("PRICE_GOUGING", "2020-03-09T12:00:00+08:00");
    reportAt("RUMOUR", "2020-03-10T00:00:00+08:00"); // the next day
    reportAt("RUMOUR", "2020-03-08T23:59:00+08:00"); // the day before

    JsonPath report = situation(DAY);
    Map<String, Long> after = byKind(report, "opened");
    assertThat(after.get("RUMOUR")).isEqualTo(before.get("RUMOUR") + 2);
    assertThat(after.get("PRICE_GOUGING")).isEqualTo(before.get("PRICE_GOUGING") + 1);
    assertThat(after).isEqualTo(countByKind("reported_at", DAY));
    assertThat(report.getLong("opened.total"))
        .isEqualTo(after.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void casesClosedTodayAndCasesByStatusEqualACountOfTheCases() {
    String closed = caseOf("COUNTERFEIT_PROTECTIVE_GOODS");
    for (String step : List.of("ACCEPTED", "UNDER_INVESTIGATION", "ADMINISTRATIVE_PENALTY")) {
      move(closed, step, null).statusCode(200);
    }
    move(closed, "CLOSED", null).statusCode(200);
    caseOf("RUMOUR"); // REPORTED, open

    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    JsonPath report = situation(today);
    Map<String, Long> closedToday = byKind(report, "closed");
    assertThat(closedToday).isEqualTo(countByKind("closed_at", today));
    assertThat(closedToday.get("COUNTERFEIT_PROTECTIVE_GOODS")).isPositive();

    Db db = new Db(dataSource);
    Map<String, Long> byStatus = new HashMap<>();
    for (Object[] r : db.rows("select status, count(*) from case_file group by status")) {
      byStatus.put((String) r[0], ((Number) r[1]).longValue());
    }
    Map<String, Long> reported = longs(report.getMap("byStatus"));
    assertThat(reported).hasSize(8);
    reported.forEach(
        (status, n) -> assertThat(n).as(status).isEqualTo(byStatus.getOrDefault(status, 0L)));
    assertThat(reported.get("CLOSED")).isPositive();
    assertThat(reported.get("REPORTED")).isPositive();
  }

  @Test
  void verificationCoveragePerStationEqualsACountOfTheTasks() {
    Tasks.manualTask(null, "2020-02-01T10:00:00+08:00"); // no town: the district queue, overdue
    JsonPath report = situation(null);
    Db db = new Db(dataSource);
    List<Object[]> truth =
        db.rows(
            "select coalesce(station_unit_id::text, '-'), count(*),"
                + " count(*) filter (where status = 'COMPLETED'),"
                + " count(*) filter (where status <> 'COMPLETED' and due_at < now()),"
                + " count(*) filter (where status = 'UNREACHABLE'),"
                + " count(*) filter (where status <> 'COMPLETED' and station_unit_id is null)"
                + " from verification_task group by station_unit_id");
    List<Map<String, Object>> stations = report.getList("verification.stations");
    assertThat(stations).hasSize(truth.size());
    for (Object[] t : truth) {
      Map<String, Object> station =
          stations.stream()
              .filter(
                  s -> t[0].equals(s.get("stationUnitId") == null ? "-" : s.get("stationUnitId")))
              .findFirst()
              .orElseThrow();
      assertThat(
              List.of(
                  n(station.get("total")),
                  n(station.get("done")),
                  n(station.get("overdue")),
                  n(station.get("unreachable")),
                  n(station.get("unroutable"))))
          .as("station %s", t[0])
          .containsExactly(n(t[1]), n(t[2]), n(t[3]), n(t[4]), n(t[5]));
    }
    assertThat(report.getLong("verification.stations[0].unroutable")).isPositive();
  }

  @Test
  void onlyCommandAndAuditorReadItAndABadDateIs400() {
    as(INVESTIGATOR).get("/situation").then().statusCode(403);
    as(STATION).get("/situation").then().statusCode(403);
    as(COMMAND).get("/situation").then().statusCode(200);
    for (String bad : List.of("2020-02-30", "2020-2-3", "today", "2020-02-03T00:00")) {
      as(AUDITOR)
          .queryParam("date", bad)
          .get("/situation")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("date"));
    }
  }

  private Map<String, Long> countByKind(String column, String day) {
    Map<String, Long> out = new HashMap<>();
    for (String kind :
        List.of(
            "COUNTERFEIT_PROTECTIVE_GOODS",
            "RUMOUR",
            "CONCEALMENT_OF_EXPOSURE",
            "OBSTRUCTING_EPIDEMIC_CONTROL",
            "PRICE_GOUGING",
            "OTHER")) {
      out.put(
          kind,
          new Db(dataSource)
              .count(
                  "select count(*) from case_file where kind = ? and "
                      + column
                      + " >= ?::date::timestamp at time zone 'Asia/Shanghai' and "
                      + column
                      + " < (?::date + 1)::timestamp at time zone 'Asia/Shanghai'",
                  kind,
                  day,
                  day));
    }
    return out;
  }

  private static String caseOf(String kind) {
    return report(COMMAND, caseJson(kind, "REPORT", "孝泉镇", "[]")).extract().path("id");
  }

  private static void reportAt(String kind, String reportedAt) {
    report(
        COMMAND,
        caseJson(kind, "REPORT", "孝泉镇", "[]").replace("2020-02-01T10:00:00+08:00", reportedAt));
  }

  private static JsonPath situation(String day) {
    var request = as(AUDITOR);
    if (day != null) {
      request.queryParam("date", day);
    }
    return request.get("/situation").then().statusCode(200).extract().jsonPath();
  }

  private static Map<String, Long> byKind(JsonPath report, String section) {
    return longs(report.getMap(section + ".byKind"));
  }

  private static Map<String, Long> longs(Map<String, Object> map) {
    Map<String, Long> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k, n(v)));
    return out;
  }

  private static long n(Object value) {
    return ((Number) value).longValue();
  }
}
