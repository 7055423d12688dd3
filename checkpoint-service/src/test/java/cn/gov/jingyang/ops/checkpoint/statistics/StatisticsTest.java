package cn.gov.jingyang.ops.checkpoint.statistics;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.checkpoint.statistics.StatisticsRepository.DayIncrement;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatisticsTest {

  private static final String[] RESULTS = {
    "CLEARED", "REFERRED_TO_HEALTH", "HOME_QUARANTINE", "TURNED_BACK"
  };

  @Inject DataSource dataSource;
  @Inject StatisticsRepository statistics;

  @Test
  void statisticsAgreeWithTheStoredRecordsAfterHundredsOfMixedInserts() {
    Random random = new Random(42);
    List<String> checkpoints = List.of(Api.activeCheckpoint(), Api.activeCheckpoint());
    // 2011-03: a range no other test writes to, days crossing midnight in Asia/Shanghai (UTC 16:00)
    for (int batch = 0; batch < 3; batch++) {
      List<String> records = new ArrayList<>();
      for (int i = 0; i < 110; i++) {
        String checkpoint = checkpoints.get(random.nextInt(2));
        String at =
            "2020-02-%02dT%02d:%02d:00Z"
                .formatted(10 + random.nextInt(3), random.nextInt(24), random.nextInt(60));
        List<String> occupants = new ArrayList<>();
        for (int o = 0, n = 1 + random.nextInt(3); o < n; o++) {
          String province = random.nextInt(6) == 0 ? "湖北省" : "四川省";
          double temperature = random.nextInt(8) == 0 ? 37.9 : 36.5;
          occupants.add(
              Api.occupant(
                  Api.idNumber(),
                  province,
                  temperature,
                  random.nextInt(10) == 0 ? "[\"COUGH\"]" : "[]",
                  RESULTS[random.nextInt(RESULTS.length)]));
        }
        records.add(
            Api.inspection(
                UUID.randomUUID(),
                checkpoint,
                at,
                random.nextInt(5) == 0 ? null : "川F%05d".formatted(i),
                occupants));
      }
      as(OFFICER)
          .body(Api.batch(records))
          .post("/inspections/batch")
          .then()
          .statusCode(200)
          .body("created", equalTo(110));
    }

    Db db = new Db(dataSource);
    for (String checkpoint : checkpoints) {
      JsonPath stats =
          as(AUDITOR)
              .queryParam("from", "2020-02-10")
              .queryParam("to", "2020-02-13")
              .get("/statistics/checkpoints/" + checkpoint)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Object[]> truth =
          db.rows(
              "select to_char(i.day, 'YYYY-MM-DD'), count(distinct i.id), count(distinct i.id) filter (where i.plate is not null),"
                  + " count(o.id), count(o.id) filter (where o.flagged), count(o.id) filter (where o.result = 'CLEARED'),"
                  + " count(o.id) filter (where o.result = 'REFERRED_TO_HEALTH'), count(o.id) filter (where o.result = 'HOME_QUARANTINE'),"
                  + " count(o.id) filter (where o.result = 'TURNED_BACK')"
                  + " from inspection i join occupant o on o.inspection_id = i.id where i.checkpoint_id = ?"
                  + " group by i.day order by i.day",
              UUID.fromString(checkpoint));
      List<Map<String, Object>> days = stats.getList("days");
      assertThat(days).hasSize(truth.size());
      for (int d = 0; d < truth.size(); d++) {
        Object[] t = truth.get(d);
        Map<String, Object> day = days.get(d);
        @SuppressWarnings("unchecked")
        Map<String, Integer> f = (Map<String, Integer>) day.get("figures");
        assertThat(day.get("day")).isEqualTo(t[0]);
        assertThat(
                List.of(
                    f.get("inspections"),
                    f.get("vehicles"),
                    f.get("persons"),
                    f.get("flagged"),
                    f.get("cleared"),
                    f.get("referredToHealth"),
                    f.get("homeQuarantine"),
                    f.get("turnedBack")))
            .as("figures of %s on %s", checkpoint, t[0])
            .containsExactly(
                n(t[1]), n(t[2]), n(t[3]), n(t[4]), n(t[5]), n(t[6]), n(t[7]), n(t[8]));
      }
    }
    long persons =
        db.count(
            "select count(*) from occupant o join inspection i on i.id = o.inspection_id"
                + " where i.day between '2020-02-10' and '2020-02-13' and i.checkpoint_id = any(?::uuid[])",
            "{" + String.join(",", checkpoints) + "}");
    JsonPath overview =
        as(Api.COMMAND)
            .queryParam("from", "2020-02-10")
            .queryParam("to", "2020-02-13")
            .get("/statistics")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    long fromOverview =
        overview.getList("checkpoints", Map.class).stream()
            .filter(c -> checkpoints.contains(c.get("checkpointId")))
            .mapToLong(c -> ((Number) ((Map<?, ?>) c.get("figures")).get("persons")).longValue())
            .sum();
    assertThat(fromOverview).isEqualTo(persons).isGreaterThan(330);
    assertThat(overview.getLong("total.persons")).isGreaterThanOrEqualTo(persons);
  }

  @Test
  void statisticsAreReadByTheThreeRolesOnly() {
    String checkpoint = Api.activeCheckpoint();
    as(Api.STATION).get("/statistics").then().statusCode(403);
    as(Api.PROVINCE).get("/statistics/checkpoints/" + checkpoint).then().statusCode(403);
    as(OFFICER).get("/statistics/checkpoints/" + UUID.randomUUID()).then().statusCode(404);
    as(AUDITOR)
        .queryParam("from", "2020-02-10")
        .queryParam("to", "2020-01-10")
        .get("/statistics")
        .then()
        .statusCode(400);
    as(AUDITOR)
        .queryParam("from", "2020-02-10")
        .get("/statistics/checkpoints/" + checkpoint)
        .then()
        .statusCode(200)
        .body("total.inspections", equalTo(0))
        .body("days.size()", equalTo(0));
  }

  /**
   * A day's row is written at commit: a transaction still open at a checkpoint (a slow request)
   * holds no lock on the day's figures, so the next inspection there is not held up behind it.
   */
  @Test
  void anOpenTransactionDoesNotHoldUpTheNextInspectionAtTheSameCheckpoint() throws Exception {
    String checkpoint = Api.activeCheckpoint();
    LocalDate day = LocalDate.of(2020, 2, 20);
    CountDownLatch added = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> open =
          pool.submit(
              () ->
                  QuarkusTransaction.requiringNew()
                      .run(
                          () -> {
                            statistics.add(
                                List.of(
                                    new DayIncrement(
                                        UUID.fromString(checkpoint), day, 5, 5, 7, 0, 7, 0, 0, 0)));
                            added.countDown();
                            awaitQuietly(release);
                          }));
      assertThat(added.await(30, TimeUnit.SECONDS)).isTrue();
      Future<Integer> next =
          pool.submit(
              () ->
                  as(OFFICER)
                      .body(
                          Api.inspection(
                              UUID.randomUUID(),
                              checkpoint,
                              "2020-02-20T04:00:00Z",
                              "川F20220",
                              List.of(Api.clearOccupant())))
                      .post("/inspections")
                      .statusCode());
      assertThat(next.get(20, TimeUnit.SECONDS)).isEqualTo(201);
      assertThat(figures(checkpoint, "inspections")).isEqualTo(1);
      release.countDown();
      open.get(30, TimeUnit.SECONDS);
      assertThat(figures(checkpoint, "inspections")).isEqualTo(6);
      assertThat(figures(checkpoint, "persons")).isEqualTo(8);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  private static int figures(String checkpoint, String figure) {
    return as(AUDITOR)
        .queryParam("from", "2020-02-20")
        .queryParam("to", "2020-02-20")
        .get("/statistics/checkpoints/" + checkpoint)
        .then()
        .statusCode(200)
        .extract()
        .path("total." + figure);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int n(Object value) {
    return ((Number) value).intValue();
  }
}
