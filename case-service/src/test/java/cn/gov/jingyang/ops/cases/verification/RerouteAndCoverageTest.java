package cn.gov.jingyang.ops.cases.verification;

import static cn.gov.jingyang.ops.cases.verification.Tasks.COMMAND;
import static cn.gov.jingyang.ops.cases.verification.Tasks.WAIT;
import static cn.gov.jingyang.ops.cases.verification.Tasks.as;
import static cn.gov.jingyang.ops.cases.verification.Tasks.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A coverage change moves the town's open tasks to the new station (each with an event); coverage
 * numbers per station, per source and of the district queue equal a direct count over the tasks.
 */
@QuarkusTest
class RerouteAndCoverageTest {

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  @Test
  void aCoverageChangeMovesTheTownsOpenTasksToTheNewStation() {
    Db db = new Db(dataSource);
    UUID parent = UUID.randomUUID();
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    String town = "510603-T15";
    String unclaimed = "510603-T18";
    Tasks.cover(kafka.bootstrapServers(), db, before, parent, "PS-XZ", town);
    String open = Tasks.manualTask(town, null);
    String done = Tasks.manualTask(town, null);
    String officer = Tasks.stationOfficer(before);
    move(officer, done, "assignment", "{\"assignee\":\"李强\"}");
    move(officer, done, "visit", "{}");
    move(officer, done, "completion", "{\"outcome\":\"NO_RISK\"}");
    String queued =
        db.count("select count(*) from routing_town where town_code = ?", unclaimed) == 0
            ? Tasks.manualTask(unclaimed, null)
            : null;

    Tasks.cover(kafka.bootstrapServers(), db, after, parent, "PS-XZ2", town, unclaimed);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/verification-tasks/" + open)
                    .then()
                    .body("stationUnitId", equalTo(after.toString())));
    as(COMMAND)
        .get("/verification-tasks/" + done)
        .then()
        .body("stationUnitId", equalTo(before.toString()));
    as(Tasks.stationOfficer(before)).get("/verification-tasks/" + open).then().statusCode(404);
    as(Tasks.stationOfficer(after)).get("/verification-tasks/" + open).then().statusCode(200);

    List<String> rerouted = db.events("VerificationTaskRerouted", "taskId", open);
    assertThat(rerouted).hasSize(1);
    EventContracts.assertValid(rerouted.get(0));
    JsonPath event = JsonPath.from(rerouted.get(0));
    assertThat(event.getString("data.fromStationUnitId")).isEqualTo(before.toString());
    assertThat(event.getString("data.toStationUnitId")).isEqualTo(after.toString());
    assertThat(db.events("VerificationTaskRerouted", "taskId", done)).isEmpty();
    if (queued != null) {
      as(COMMAND)
          .get("/verification-tasks/" + queued)
          .then()
          .body("stationUnitId", equalTo(after.toString()));
      String fromQueue = db.events("VerificationTaskRerouted", "taskId", queued).get(0);
      assertThat(JsonPath.from(fromQueue).getString("data.fromStationUnitId")).isNull();
    }
  }

  @Test
  void aTownWithThousandsOfOpenTasksMovesToItsNewStationInOneGo() {
    Db db = new Db(dataSource);
    UUID parent = UUID.randomUUID();
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    String town = "510603-T11";
    int open = 3000;
    Tasks.cover(kafka.bootstrapServers(), db, before, parent, "PS-T11A", town);
    // what a provincial list leaves in one town
    assertThat(
            db.count(
                "with added as (insert into verification_task (id_number, person_name, town,"
                    + " town_code, station_unit_id, first_source, due_at, created_by)"
                    + " select 'MOVE-' || g, '重点人员' || g, '孝泉镇', ?, ?, 'PROVINCIAL_LIST',"
                    + " now() + interval '1 day', 'provincial' from generate_series(1, ?) g"
                    + " returning 1) select count(*) from added",
                town,
                before,
                open))
        .isEqualTo(open);

    Tasks.cover(kafka.bootstrapServers(), db, after, parent, "PS-T11B", town);

    await()
        .atMost(WAIT)
        .until(
            () ->
                db.count(
                        "select count(*) from verification_task where town_code = ?"
                            + " and station_unit_id = ?",
                        town,
                        after)
                    == open);
    assertThat(
            db.count(
                "select count(*) from outbox where event_type like '%.VerificationTaskRerouted'"
                    + " and event->'data'->>'toStationUnitId' = ?",
                after.toString()))
        .as("one VerificationTaskRerouted per moved task")
        .isEqualTo(open);
    as(Tasks.stationOfficer(after))
        .get("/verification-tasks?size=1")
        .then()
        .statusCode(200)
        .body("total", equalTo(open));
    as(Tasks.stationOfficer(before))
        .get("/verification-tasks?size=1")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void coverageEqualsADirectCountOverTheTasks() {
    Db db = new Db(dataSource);
    UUID station = UUID.randomUUID();
    Tasks.cover(kafka.bootstrapServers(), db, station, UUID.randomUUID(), "PS-BL", "510603-T16");
    OffsetDateTime now = OffsetDateTime.now();
    String officer = Tasks.stationOfficer(station);
    for (int i = 0; i < 3; i++) {
      Tasks.manualTask("510603-T16", now.minusDays(1 + i).toString());
    }
    Tasks.manualTask("510603-T16", now.plusDays(2).toString());
    String unreachable = Tasks.manualTask("510603-T16", now.minusHours(2).toString());
    move(officer, unreachable, "assignment", "{\"assignee\":\"王五\"}");
    move(officer, unreachable, "unreachable", "{\"reason\":\"家中无人\"}");
    String done = Tasks.manualTask("510603-T16", now.minusDays(5).toString());
    move(officer, done, "assignment", "{\"assignee\":\"王五\"}");
    move(officer, done, "visit", "{}");
    move(officer, done, "completion", "{\"outcome\":\"NO_RISK\"}");
    Tasks.manualTask(null, null); // district queue: no town at all

    String counts =
        "select count(*), count(*) filter (where status = 'COMPLETED'),"
            + " count(*) filter (where status <> 'COMPLETED'),"
            + " count(*) filter (where status <> 'COMPLETED' and due_at < now()),"
            + " count(*) filter (where status = 'UNREACHABLE'),"
            + " count(*) filter (where status <> 'COMPLETED' and station_unit_id is null)"
            + " from verification_task t";
    Object[] expected = db.rows(counts + " where station_unit_id = ?", station).get(0);
    assertThat(((Number) expected[0]).longValue()).isEqualTo(6);
    Map<String, Object> actual =
        as(officer)
            .get("/verification-coverage?station=" + station)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("");
    assertCounts(actual, expected);

    Object[] manual =
        db.rows(
                counts
                    + " where exists (select 1 from verification_task_source s"
                    + " where s.task_id = t.id and s.kind = 'MANUAL')")
            .get(0);
    assertCounts(
        as(COMMAND)
            .get("/verification-coverage?source=MANUAL")
            .then()
            .extract()
            .jsonPath()
            .getMap(""),
        manual);

    List<Map<String, Object>> stations =
        as(COMMAND).get("/verification-coverage/stations").then().extract().jsonPath().getList("");
    Map<String, Object> queue =
        stations.stream().filter(s -> s.get("stationUnitId") == null).findFirst().orElseThrow();
    assertCounts(queue, db.rows(counts + " where station_unit_id is null").get(0));
    Map<String, Object> mine =
        stations.stream()
            .filter(s -> station.toString().equals(s.get("stationUnitId")))
            .findFirst()
            .orElseThrow();
    assertCounts(mine, expected);
    assertThat(mine.get("stationCode")).isEqualTo("PS-BL");

    List<String> overdueIds =
        db.strings(
            "select id::text from verification_task where station_unit_id = ?"
                + " and status <> 'COMPLETED' and due_at < now() order by due_at, id",
            station);
    assertThat(overdueIds).hasSize(4);
    List<String> firstPage =
        as(officer)
            .get("/verification-coverage/overdue?station=" + station + "&size=3")
            .then()
            .statusCode(200)
            .body("total", equalTo(4))
            .extract()
            .path("items.id");
    List<String> secondPage =
        as(officer)
            .get("/verification-coverage/overdue?station=" + station + "&size=3&page=1")
            .then()
            .extract()
            .path("items.id");
    assertThat(firstPage).containsExactlyElementsOf(overdueIds.subList(0, 3));
    assertThat(secondPage).containsExactlyElementsOf(overdueIds.subList(3, 4));
  }

  private static void assertCounts(Map<String, Object> actual, Object[] expected) {
    String[] names = {"total", "done", "open", "overdue", "unreachable", "unroutable"};
    for (int i = 0; i < names.length; i++) {
      assertThat(((Number) actual.get(names[i])).longValue())
          .as(names[i])
          .isEqualTo(((Number) expected[i]).longValue());
    }
  }
}
