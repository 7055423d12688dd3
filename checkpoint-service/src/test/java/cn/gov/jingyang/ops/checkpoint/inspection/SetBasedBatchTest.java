package cn.gov.jingyang.ops.checkpoint.inspection;

import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The guarantees of a batch stored at once: each record once under concurrent overlapping uploads,
 * exactly one OccupantFlagged per flagged occupant, statistics equal to a recount of the rows, and
 * a record failing its own checks costing only itself.
 */
@QuarkusTest
class SetBasedBatchTest {

  @Inject DataSource dataSource;

  /** Record n: two occupants, the first flagged (fever, sent to health) when n is even. */
  private static String record(UUID clientRecordId, String checkpoint, int n) {
    String first =
        n % 2 == 0
            ? Api.occupant(Api.idNumber(), "四川省", 38.6, "[]", "REFERRED_TO_HEALTH")
            : Api.clearOccupant();
    return Api.inspection(
        clientRecordId,
        checkpoint,
        "2020-02-0%dT%02d:%02d:00+08:00".formatted(4 + n % 2, 8 + n / 60, n % 60),
        "川F%05d".formatted(n),
        List.of(first, Api.clearOccupant()));
  }

  private static JsonPath upload(List<String> records) {
    return as(OFFICER)
        .body(Api.batch(records))
        .post("/inspections/batch")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void overlappingBatchesInDifferentOrdersAtOnceStoreEachRecordAndItsEventsOnce() throws Exception {
    String checkpoint = Api.activeCheckpoint();
    List<String> all = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      all.add(record(UUID.randomUUID(), checkpoint, n));
    }
    // three tablets: 0–39, 20–59 reversed, and every third record shuffled
    List<String> second = new ArrayList<>(all.subList(20, 60));
    Collections.reverse(second);
    List<String> third = new ArrayList<>();
    for (int n = 0; n < 60; n += 3) {
      third.add(all.get(n));
    }
    Collections.shuffle(third);
    List<List<String>> batches = List.of(all.subList(0, 40), second, third);
    CyclicBarrier start = new CyclicBarrier(batches.size());
    ExecutorService pool = Executors.newFixedThreadPool(batches.size());
    List<JsonPath> answers = new ArrayList<>();
    try {
      List<CompletableFuture<JsonPath>> uploads = new ArrayList<>();
      for (List<String> batch : batches) {
        uploads.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    start.await(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return upload(batch);
                },
                pool));
      }
      for (CompletableFuture<JsonPath> upload : uploads) {
        answers.add(upload.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(answers.stream().mapToInt(a -> a.getInt("rejected")).sum()).isZero();
    assertThat(answers.stream().mapToInt(a -> a.getInt("created")).sum()).isEqualTo(60);
    UUID id = UUID.fromString(checkpoint);
    Db db = new Db(dataSource);
    assertThat(db.count("select count(*) from inspection where checkpoint_id = ?", id))
        .isEqualTo(60);
    assertThat(
            db.count(
                "select count(*) from outbox where event_type like '%.InspectionRecorded'"
                    + " and event->'data'->>'checkpointId' = ?",
                checkpoint))
        .isEqualTo(60);
    // exactly one OccupantFlagged per flagged occupant: 30 records have one
    assertThat(
            db.count(
                "select count(*) from outbox where event_type like '%.OccupantFlagged'"
                    + " and event->'data'->>'checkpointId' = ?",
                checkpoint))
        .isEqualTo(30);
    assertThat(
            db.count(
                "select count(distinct event->'data'->>'occupantId') from outbox"
                    + " where event_type like '%.OccupantFlagged' and event->'data'->>'checkpointId' = ?",
                checkpoint))
        .isEqualTo(30);
    assertStatisticsEqualARecount(db, id);
  }

  @Test
  void aBatchMixingValidInvalidAndRepeatedRecordsStoresTheValidOnesOnce() {
    String checkpoint = Api.activeCheckpoint();
    UUID repeated = UUID.randomUUID();
    List<String> records = new ArrayList<>();
    records.add(record(repeated, checkpoint, 0));
    records.add(
        Api.inspection(
            UUID.randomUUID(),
            checkpoint,
            "2020-02-04T09:00:00+08:00",
            "川F12345",
            List.of(
                Api.occupant(
                    Api.withWrongCheckDigit(Api.idNumber()), "四川省", 36.5, "[]", "CLEARED"))));
    records.add(record(UUID.randomUUID(), checkpoint, 1));
    records.add(
        Api.inspection(
            UUID.randomUUID(),
            checkpoint,
            "2020-01-20T09:00:00+08:00", // before the checkpoint was ACTIVE
            "川F12346",
            List.of(Api.clearOccupant())));
    records.add(record(repeated, checkpoint, 0));
    records.add(record(UUID.randomUUID(), checkpoint, 2));

    JsonPath answer = upload(records);
    assertThat(answer.getList("results.outcome"))
        .containsExactly("CREATED", "REJECTED", "CREATED", "REJECTED", "DUPLICATE", "CREATED");
    assertThat(answer.getString("results[1].problem.errors[0].field"))
        .isEqualTo("records[1].occupants[0].idNumber");
    assertThat(answer.getString("results[3].problem.errors[0].field"))
        .isEqualTo("records[3].inspectedAt");
    assertThat(answer.getString("results[4].inspectionId"))
        .isEqualTo(answer.getString("results[0].inspectionId"));

    UUID id = UUID.fromString(checkpoint);
    Db db = new Db(dataSource);
    assertThat(db.count("select count(*) from inspection where checkpoint_id = ?", id))
        .isEqualTo(3);
    assertThat(
            db.count(
                "select count(*) from outbox where event_type like '%.InspectionRecorded'"
                    + " and event->'data'->>'checkpointId' = ?",
                checkpoint))
        .isEqualTo(3);
    assertThat(
            db.count(
                "select count(*) from outbox where event_type like '%.OccupantFlagged'"
                    + " and event->'data'->>'checkpointId' = ?",
                checkpoint))
        .isEqualTo(2);
    assertStatisticsEqualARecount(db, id);

    // sent again: all stored records are duplicates, the bad ones still rejected, nothing added
    JsonPath again = upload(records);
    assertThat(again.getList("results.outcome"))
        .containsExactly(
            "DUPLICATE", "REJECTED", "DUPLICATE", "REJECTED", "DUPLICATE", "DUPLICATE");
    assertThat(again.getList("results.inspectionId"))
        .isEqualTo(answer.getList("results.inspectionId"));
    assertThat(db.count("select count(*) from inspection where checkpoint_id = ?", id))
        .isEqualTo(3);
    assertStatisticsEqualARecount(db, id);
  }

  @Test
  void theAnswerAndTheEventsOfABatchCarryTheRecordsAsStored() {
    String checkpoint = Api.activeCheckpoint();
    // a temperature finer than the column keeps (numeric(3,1): 38.65 is stored as 38.7) and a time
    // with an offset and nanoseconds (stored as an instant, to the microsecond)
    List<String> records =
        List.of(
            Api.inspection(
                UUID.randomUUID(),
                checkpoint,
                "2020-02-04T09:15:30.1234567+08:00",
                "川F54321",
                List.of(
                    Api.occupant(Api.idNumber(), "湖北省", 38.65, "[\"COUGH\"]", "HOME_QUARANTINE"),
                    Api.clearOccupant())),
            record(UUID.randomUUID(), checkpoint, 2));
    JsonPath answer = upload(records);
    assertThat(answer.getList("results.outcome")).containsExactly("CREATED", "CREATED");

    Db db = new Db(dataSource);
    for (int i = 0; i < 2; i++) {
      UUID inspection = UUID.fromString(answer.getString("results[%d].inspectionId".formatted(i)));
      assertThat(
              db.count(
                  "select count(*) from inspection where id = ? and client_record_id = ?",
                  inspection,
                  UUID.fromString(answer.getString("results[%d].clientRecordId".formatted(i)))))
          .isEqualTo(1);
      assertThat(
              db.count(
                  "select count(*) from outbox e join inspection i on i.id = ?"
                      + " where e.event_type like '%.InspectionRecorded'"
                      + " and (e.event->'data'->>'inspectionId')::uuid = i.id"
                      + " and (e.event->'data'->>'inspectedAt')::timestamptz = i.inspected_at"
                      + " and e.event->'data'->>'plate' = i.plate"
                      + " and (e.event->'data'->>'occupantCount')::int = i.occupant_count"
                      + " and (e.event->'data'->>'flaggedCount')::int = i.flagged_count"
                      + " and (e.event->'data'->>'riskRulesVersion')::int = i.risk_rules_version",
                  inspection))
          .isEqualTo(1);
    }
    // each OccupantFlagged is the occupant's row, field for field
    assertThat(
            db.count(
                "select count(*) from outbox e join occupant o"
                    + " on o.id = (e.event->'data'->>'occupantId')::uuid"
                    + " join inspection i on i.id = o.inspection_id"
                    + " where e.event_type like '%.OccupantFlagged' and i.checkpoint_id = ?"
                    + " and (e.event->'data'->>'inspectionId')::uuid = i.id"
                    + " and (e.event->'data'->>'inspectedAt')::timestamptz = i.inspected_at"
                    + " and e.event->'data'->>'recordedBy' = i.recorded_by"
                    + " and e.event->'data'->>'inspector' = i.inspector"
                    + " and (e.event->'data'->>'temperature')::numeric = o.temperature"
                    + " and e.event->'data'->>'idNumberSealed' = o.id_number"
                    + " and e.event->'data'->>'phoneSealed' = o.phone"
                    + " and e.event->'data'->>'name' = o.name"
                    + " and (e.event->'data'->'symptoms') = o.symptoms"
                    + " and e.event->'data'->>'result' = o.result"
                    + " and e.event->'data'->>'destinationTownCode'"
                    + " is not distinct from o.destination_town_code",
                UUID.fromString(checkpoint)))
        .isEqualTo(2);
    assertThat(
            db.count(
                "select count(*) from occupant o join inspection i on i.id = o.inspection_id"
                    + " where i.checkpoint_id = ? and o.temperature = 38.7",
                UUID.fromString(checkpoint)))
        .isEqualTo(1);
  }

  /** daily_statistics of the checkpoint, day by day, equal to a count of its rows. */
  private static void assertStatisticsEqualARecount(Db db, UUID checkpoint) {
    List<Object[]> kept =
        db.rows(
            "select day, inspections, vehicles, persons, flagged, cleared, referred_to_health,"
                + " home_quarantine, turned_back from daily_statistics where checkpoint_id = ?"
                + " order by day",
            checkpoint);
    List<Object[]> counted =
        db.rows(
            "select i.day, count(distinct i.id),"
                + " count(distinct i.id) filter (where i.plate is not null or i.vehicle_kind <> 'PEDESTRIAN'),"
                + " count(o.id), count(o.id) filter (where o.flagged),"
                + " count(o.id) filter (where o.result = 'CLEARED'),"
                + " count(o.id) filter (where o.result = 'REFERRED_TO_HEALTH'),"
                + " count(o.id) filter (where o.result = 'HOME_QUARANTINE'),"
                + " count(o.id) filter (where o.result = 'TURNED_BACK')"
                + " from inspection i join occupant o on o.inspection_id = i.id"
                + " where i.checkpoint_id = ? group by i.day order by i.day",
            checkpoint);
    assertThat(kept).isNotEmpty();
    assertThat(kept.stream().map(SetBasedBatchTest::text).toList())
        .isEqualTo(counted.stream().map(SetBasedBatchTest::text).toList());
  }

  private static String text(Object[] row) {
    List<String> cells = new ArrayList<>();
    for (Object cell : row) {
      cells.add(String.valueOf(cell));
    }
    return String.join(",", cells);
  }
}
