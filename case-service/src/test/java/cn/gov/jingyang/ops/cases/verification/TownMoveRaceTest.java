package cn.gov.jingyang.ops.cases.verification;

import static cn.gov.jingyang.ops.cases.verification.Tasks.COMMAND;
import static cn.gov.jingyang.ops.cases.verification.Tasks.WAIT;
import static cn.gov.jingyang.ops.cases.verification.Tasks.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A task opened while its town moves to another station is not left behind: the task read the old
 * route and has not committed yet when personnel's coverage change arrives; the move waits for it
 * (the town's routing lock) and then takes it along to the new station.
 */
@QuarkusTest
class TownMoveRaceTest {

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;
  @Inject TaskIntake intake;

  @Test
  void aTaskOpenedWhileItsTownMovesEndsAtTheNewStation() throws Exception {
    Db db = new Db(dataSource);
    UUID parent = UUID.randomUUID();
    UUID before = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    String town = "510603-T16";
    Tasks.cover(kafka.bootstrapServers(), db, before, parent, "PS-RACE-A", town);

    // a flag's intake routes the task to the old station, and its transaction stays open
    CountDownLatch routed = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    AtomicReference<UUID> opened = new AtomicReference<>();
    CompletableFuture<Void> intakeTransaction =
        CompletableFuture.runAsync(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          TaskIntake.Result r =
                              intake.take(
                                  new KeyPerson("赵六", Tasks.idNumber(), null, "天元街道", "天元", town),
                                  SourceRef.manual("opened during the move"),
                                  null,
                                  OffsetDateTime.now(),
                                  "race-test");
                          opened.set(r.task().id());
                          assertThat(r.task().stationUnitId()).isEqualTo(before);
                          routed.countDown();
                          hold(commit);
                        }));
    assertThat(routed.await(1, TimeUnit.MINUTES)).isTrue();

    // the town moves meanwhile: case-service applies it once the intake has committed
    TopicProbe.send(
        kafka.bootstrapServers(),
        "personnel.events",
        after.toString(),
        Tasks.coverage(after, parent, "PS-RACE-B", town));
    // the intake commits once the move is under way: waiting for the town (or, were nothing to
    // order them, already applied)
    await("the move under way")
        .atMost(WAIT)
        .until(
            () ->
                db.count(
                            "select count(*) from pg_locks where locktype = 'advisory' and not granted")
                        > 0
                    || db.count(
                            "select count(*) from routing_town where town_code = ?"
                                + " and station_unit_id = ?",
                            town,
                            after)
                        > 0);
    commit.countDown();
    intakeTransaction.get(1, TimeUnit.MINUTES);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/verification-tasks/" + opened.get())
                    .then()
                    .body("stationUnitId", equalTo(after.toString())));
    as(Tasks.stationOfficer(after))
        .get("/verification-tasks/" + opened.get())
        .then()
        .statusCode(200);
    as(Tasks.stationOfficer(before))
        .get("/verification-tasks/" + opened.get())
        .then()
        .statusCode(404);
  }

  private static void hold(CountDownLatch latch) {
    try {
      if (!latch.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
