package cn.gov.jingyang.ops.checkpoint.situation;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SituationTest {

  private static final String DAY = "2020-03-09";

  @Inject DataSource dataSource;

  @Test
  void theDaysFiguresEqualACountOfTheRecordsAndWindows() {
    long activeBefore = situation(DAY).getLong("checkpointsActive");
    String first = Api.activeCheckpoint();
    String second = Api.activeCheckpoint();
    Api.plannedCheckpoint(); // never active: not counted
    String suspended = Api.activeCheckpoint();
    as(COMMAND)
        .body("{\"status\":\"SUSPENDED\",\"at\":\"2020-03-01T08:00:00+08:00\",\"reason\":\"合并\"}")
        .post("/checkpoints/" + suspended + "/status")
        .then()
        .statusCode(200);

    List<String> records = new ArrayList<>();
    // 00:00 and 23:59 in Asia/Shanghai belong to the day, 00:01 the next day does not
    records.add(record(first, "2020-03-08T16:00:00Z", "川F00001", "CLEARED", "CLEARED"));
    records.add(record(first, "2020-03-09T15:59:00Z", null, "TURNED_BACK"));
    records.add(record(second, "2020-03-09T03:00:00Z", "川F00002", "HOME_QUARANTINE"));
    records.add(record(second, "2020-03-09T04:00:00Z", "川F00003", "REFERRED_TO_HEALTH", "CLEARED"));
    records.add(record(second, "2020-03-09T16:01:00Z", "川F00004", "CLEARED"));
    records.add(
        Api.inspection(
            UUID.randomUUID(),
            first,
            "2020-03-09T05:00:00Z",
            "川F00005",
            List.of(Api.occupant(Api.idNumber(), "湖北省", 38.2, "[\"COUGH\"]", "CLEARED"))));
    as(OFFICER)
        .body(Api.batch(records))
        .post("/inspections/batch")
        .then()
        .statusCode(200)
        .body("created", equalTo(records.size()));

    JsonPath report = situation(DAY);
    Db db = new Db(dataSource);
    Object[] truth =
        db.rows(
                "select count(distinct i.id), count(distinct i.id) filter (where i.plate is not null),"
                    + " count(o.id), count(o.id) filter (where o.flagged),"
                    + " count(o.id) filter (where o.result = 'CLEARED'),"
                    + " count(o.id) filter (where o.result = 'REFERRED_TO_HEALTH'),"
                    + " count(o.id) filter (where o.result = 'HOME_QUARANTINE'),"
                    + " count(o.id) filter (where o.result = 'TURNED_BACK')"
                    + " from inspection i join occupant o on o.inspection_id = i.id"
                    + " where i.day = '2020-03-09'")
            .get(0);
    assertThat(
            List.of(
                report.getLong("inspected.inspections"),
                report.getLong("inspected.vehicles"),
                report.getLong("inspected.persons"),
                report.getLong("inspected.flagged"),
                report.getLong("inspected.results.cleared"),
                report.getLong("inspected.results.referredToHealth"),
                report.getLong("inspected.results.homeQuarantine"),
                report.getLong("inspected.results.turnedBack")))
        .containsExactly(
            n(truth[0]),
            n(truth[1]),
            n(truth[2]),
            n(truth[3]),
            n(truth[4]),
            n(truth[5]),
            n(truth[6]),
            n(truth[7]));
    assertThat(report.getLong("inspected.inspections")).isGreaterThanOrEqualTo(5);
    assertThat(report.getLong("inspected.flagged")).isGreaterThanOrEqualTo(1);
    assertThat(report.getString("date")).isEqualTo(DAY);
    // two more checkpoints were active that day; the planned one and the one suspended before
    // it were not
    assertThat(report.getLong("checkpointsActive")).isEqualTo(activeBefore + 2);
    assertThat(report.getLong("checkpointsActive"))
        .isEqualTo(
            db.count(
                "select count(distinct checkpoint_id) from checkpoint_history where status = 'ACTIVE'"
                    + " and valid_from < '2020-03-10T00:00:00+08:00'"
                    + " and coalesce(valid_to, 'infinity') > '2020-03-09T00:00:00+08:00'"));
  }

  @Test
  void perHourCountsEachRecordAndFlaggedPersonInItsShanghaiHour() {
    String day = "2020-03-11";
    String checkpoint = Api.activeCheckpoint();
    List<String> records = new ArrayList<>();
    // 00:00 and 23:59 Asia/Shanghai are hours 0 and 23 of the day; 00:00 the next day is not
    records.add(record(checkpoint, "2020-03-10T16:00:00Z", "川F10001", "CLEARED"));
    records.add(record(checkpoint, "2020-03-11T15:59:00Z", null, "TURNED_BACK"));
    records.add(record(checkpoint, "2020-03-11T16:00:00Z", "川F10002", "CLEARED"));
    records.add(record(checkpoint, "2020-03-11T00:10:00Z", "川F10003", "CLEARED"));
    records.add(
        Api.inspection(
            UUID.randomUUID(),
            checkpoint,
            "2020-03-11T00:20:00Z",
            "川F10004",
            List.of(
                Api.occupant(Api.idNumber(), "湖北省", 38.2, "[\"COUGH\"]", "CLEARED"),
                Api.occupant(Api.idNumber(), "湖北省", 38.4, "[\"COUGH\"]", "CLEARED"))));
    as(OFFICER)
        .body(Api.batch(records))
        .post("/inspections/batch")
        .then()
        .statusCode(200)
        .body("created", equalTo(records.size()));

    JsonPath report = situation(day);
    assertThat(report.getList("perHour.hour")).hasSize(24).first().isEqualTo(0);
    // 08:10 and 08:20 Shanghai: two records, the second with two flagged occupants
    assertThat(report.getLong("perHour[8].inspections")).isEqualTo(2);
    assertThat(report.getLong("perHour[8].flagged")).isEqualTo(2);
    assertThat(report.getLong("perHour[0].inspections")).isEqualTo(1);
    assertThat(report.getLong("perHour[23].inspections")).isEqualTo(1);
    assertThat(report.getLong("perHour[12].inspections")).isZero();
    long sum = report.getList("perHour.inspections", Long.class).stream().mapToLong(x -> x).sum();
    assertThat(sum).isEqualTo(report.getLong("inspected.inspections"));
  }

  @Test
  void onlyCommandAndAuditorReadItAndABadDateIs400() {
    as(OFFICER).get("/situation").then().statusCode(403);
    as(Api.STATION).get("/situation").then().statusCode(403);
    as(COMMAND).get("/situation").then().statusCode(200);
    for (String bad : List.of("2020-02-30", "20200203", "yesterday", "2020-2-3")) {
      as(AUDITOR)
          .queryParam("date", bad)
          .get("/situation")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("date"));
    }
  }

  private static JsonPath situation(String day) {
    return as(AUDITOR)
        .queryParam("date", day)
        .get("/situation")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String record(String checkpoint, String at, String plate, String... results) {
    List<String> occupants = new ArrayList<>();
    for (String result : results) {
      occupants.add(Api.occupant(Api.idNumber(), "四川省", 36.5, "[]", result));
    }
    return Api.inspection(UUID.randomUUID(), checkpoint, at, plate, occupants);
  }

  private static long n(Object value) {
    return ((Number) value).longValue();
  }
}
