package cn.gov.jingyang.ops.checkpoint.inspection;

import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchUploadTest {

  @Inject DataSource dataSource;

  private static List<String> records(String checkpoint, int n) {
    List<String> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String occupant =
          i % 4 == 0
              ? Api.occupant(Api.idNumber(), "湖北省", 36.8, "[]", "HOME_QUARANTINE")
              : Api.clearOccupant();
      records.add(
          Api.inspection(
              UUID.randomUUID(),
              checkpoint,
              "2020-02-04T%02d:%02d:00+08:00".formatted(8 + i / 60, i % 60),
              "川F%05d".formatted(i),
              List.of(occupant)));
    }
    return records;
  }

  private long stored(String checkpoint) {
    return new Db(dataSource)
        .count(
            "select count(*) from inspection where checkpoint_id = ?", UUID.fromString(checkpoint));
  }

  @Test
  void aBatchGivesOneResultPerRecordAndABadRecordDoesNotCostTheOthers() {
    String checkpoint = Api.activeCheckpoint();
    List<String> records = new ArrayList<>(records(checkpoint, 3));
    records.add(
        1,
        Api.inspection(
            UUID.randomUUID(),
            checkpoint,
            "2020-02-04T09:00:00+08:00",
            "川F12345",
            List.of(
                Api.occupant(
                    Api.withWrongCheckDigit(Api.idNumber()), "四川省", 36.5, "[]", "CLEARED"))));
    records.add(
        3,
        Api.inspection(
            UUID.randomUUID(),
            checkpoint,
            "2020-02-04T09:00:00+08:00",
            "川F12345",
            List.of(Api.occupant(Api.idNumber(), "四川省", 50.0, "[]", "CLEARED"))));
    records.add(
        Api.inspection(
            UUID.randomUUID(),
            UUID.randomUUID().toString(),
            "2020-02-04T09:00:00+08:00",
            "川F12345",
            List.of(Api.clearOccupant())));

    as(OFFICER)
        .body(Api.batch(records))
        .post("/inspections/batch")
        .then()
        .statusCode(200)
        .body("received", equalTo(6))
        .body("created", equalTo(3))
        .body("rejected", equalTo(3))
        .body("results[0].outcome", equalTo("CREATED"))
        .body("results[0].occupants[0].flagged", equalTo(true))
        .body("results[1].outcome", equalTo("REJECTED"))
        .body("results[1].problem.status", equalTo(422))
        .body("results[1].problem.errors[0].field", equalTo("records[1].occupants[0].idNumber"))
        .body("results[3].problem.status", equalTo(400))
        .body("results[3].problem.errors[0].field", equalTo("records[3].occupants[0].temperature"))
        .body("results[5].problem.status", equalTo(404));
    assertThat(stored(checkpoint)).isEqualTo(3);
  }

  @Test
  void aBatchSentTwiceIsStoredOnceAndAnswersWithTheFirstResults() {
    String checkpoint = Api.activeCheckpoint();
    String batch = Api.batch(records(checkpoint, 12));
    JsonPath first =
        as(OFFICER)
            .body(batch)
            .post("/inspections/batch")
            .then()
            .statusCode(200)
            .body("created", equalTo(12))
            .extract()
            .jsonPath();
    JsonPath second =
        as(OFFICER)
            .body(batch)
            .post("/inspections/batch")
            .then()
            .statusCode(200)
            .body("created", equalTo(0))
            .body("duplicates", equalTo(12))
            .extract()
            .jsonPath();
    assertThat(second.getList("results.inspectionId"))
        .isEqualTo(first.getList("results.inspectionId"));
    assertThat(stored(checkpoint)).isEqualTo(12);
    assertThat(
            new Db(dataSource)
                .count(
                    "select coalesce(sum(inspections), 0) from daily_statistics where checkpoint_id = ?",
                    UUID.fromString(checkpoint)))
        .isEqualTo(12);
  }

  @Test
  void theSameBatchFromTwoClientsAtOnceIsStoredOnce() throws Exception {
    String checkpoint = Api.activeCheckpoint();
    String batch = Api.batch(records(checkpoint, 40));
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<JsonPath>> uploads = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        uploads.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return as(OFFICER)
                      .body(batch)
                      .post("/inspections/batch")
                      .then()
                      .statusCode(200)
                      .extract()
                      .jsonPath();
                },
                pool));
      }
      JsonPath a = uploads.get(0).get(60, TimeUnit.SECONDS);
      JsonPath b = uploads.get(1).get(60, TimeUnit.SECONDS);
      assertThat(a.getInt("created") + b.getInt("created")).isEqualTo(40);
      assertThat(a.getInt("rejected") + b.getInt("rejected")).isZero();
      assertThat(a.getList("results.inspectionId")).isEqualTo(b.getList("results.inspectionId"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(stored(checkpoint)).isEqualTo(40);
    Db db = new Db(dataSource);
    assertThat(
            db.count(
                "select count(*) from occupant o join inspection i on i.id = o.inspection_id where i.checkpoint_id = ?",
                UUID.fromString(checkpoint)))
        .isEqualTo(40);
    assertThat(
            db.count(
                "select count(*) from outbox where event_type like '%.InspectionRecorded' and event->'data'->>'checkpointId' = ?",
                checkpoint))
        .isEqualTo(40);
    assertThat(
            db.count(
                "select coalesce(sum(persons), 0) from daily_statistics where checkpoint_id = ?",
                UUID.fromString(checkpoint)))
        .isEqualTo(40);
  }

  @Test
  void aBatchOverTheLimitIsRefusedWithAClearMessage() {
    String checkpoint = Api.activeCheckpoint();
    String record =
        Api.inspection(
            UUID.randomUUID(),
            checkpoint,
            "2020-02-04T09:00:00+08:00",
            "川F12345",
            List.of(Api.clearOccupant()));
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      records.add(record);
    }
    as(OFFICER)
        .body(Api.batch(records))
        .post("/inspections/batch")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("at most 500"));
    assertThat(stored(checkpoint)).isZero();
    as(OFFICER)
        .body("{}")
        .post("/inspections/batch")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("records"));
    as(Api.COMMAND)
        .body(Api.batch(List.of(record)))
        .post("/inspections/batch")
        .then()
        .statusCode(403);
  }
}
