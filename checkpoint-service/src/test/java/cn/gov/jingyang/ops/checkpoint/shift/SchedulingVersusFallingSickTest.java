package cn.gov.jingyang.ops.checkpoint.shift;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonnelEventHandler;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduling a person races the news that the person fell sick (delivered through the replica
 * consumer's handler, in a transaction of its own, as the consumer applies it). Whatever the
 * interleaving, a SICK person is never left on a shift that has not started: either scheduling
 * reads SICK (422), or the sickness sees the new shift and takes the person off it (UNDERSTAFFED).
 */
@QuarkusTest
class SchedulingVersusFallingSickTest {

  private static final int ROUNDS = 30;
  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(70).truncatedTo(ChronoUnit.HOURS);

  @Inject PersonnelEventHandler replicaConsumer;
  @Inject EventCodec codec;
  @Inject ShiftService shifts;
  @Inject DataSource dataSource;

  private Db db;
  private ExecutorService pool;
  private String checkpoint;
  private int day;

  @BeforeEach
  void setUp() {
    db = new Db(dataSource);
    pool = Executors.newFixedThreadPool(2);
    checkpoint = Api.activeCheckpoint();
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  private void deliver(String event) {
    replicaConsumer.handle(codec.read(event));
  }

  private UUID registered() {
    UUID person = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                deliver(
                    EventContracts.example("personnel", "PersonRegistered")
                        .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
                        .replace(
                            "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a10", UUID.randomUUID().toString())));
    return person;
  }

  private String sick(UUID person) {
    return EventContracts.example("personnel", "DutyStatusChanged")
        .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
        .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a13", UUID.randomUUID().toString())
        .replace("2020-02-06T10:30:00+08:00", OffsetDateTime.now().toString());
  }

  private OffsetDateTime nextStart() {
    return BASE.plusDays(day++);
  }

  private int postShift(UUID person, OffsetDateTime start) {
    Map<String, Object> body = shift(checkpoint, start, 8, List.of(member(person, "LEAD")));
    return as(COMMAND).body(body).post("/shifts").then().extract().statusCode();
  }

  /** Someone in the checkpoint database waits for a row lock. */
  private boolean someoneWaitsForALock() {
    return db.count(
            "select count(*) from pg_stat_activity where datname = current_database() "
                + "and wait_event_type = 'Lock'")
        > 0;
  }

  private void assertNotOnAnUpcomingShift(UUID person) {
    assertThat(db.strings("select duty_status from personnel_replica where person_id = ?", person))
        .containsExactly("SICK");
    assertThat(
            db.count(
                "select count(*) from shift s join shift_member m on m.shift_id = s.id "
                    + "where m.person_id = ? and s.status in ('SCHEDULED', 'UNDERSTAFFED')",
                person))
        .as("the sick person is still on a shift that has not started")
        .isZero();
  }

  private void assertUnderstaffed(OffsetDateTime start) {
    assertThat(
            db.strings(
                "select status from shift where checkpoint_id = ?::uuid and starts_at = ?",
                checkpoint,
                start))
        .containsExactly("UNDERSTAFFED");
  }

  @Test
  void schedulingWaitsForASicknessBeingAppliedAndThenRefusesThePerson() throws Exception {
    UUID person = registered();
    OffsetDateTime start = nextStart();
    var applied = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Future<?> sickness =
        pool.submit(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          deliver(sick(person));
                          applied.countDown();
                          awaitLatch(release);
                        }));
    assertThat(applied.await(30, TimeUnit.SECONDS)).isTrue();
    Future<Integer> scheduling = pool.submit(() -> postShift(person, start));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> scheduling.isDone() || someoneWaitsForALock());
    release.countDown();
    sickness.get(30, TimeUnit.SECONDS);

    assertThat(scheduling.get(30, TimeUnit.SECONDS)).isEqualTo(422);
    assertNotOnAnUpcomingShift(person);
  }

  @Test
  void aSicknessWaitsForASchedulingInProgressAndThenTakesThePersonOff() throws Exception {
    UUID person = registered();
    OffsetDateTime start = nextStart();
    var scheduled = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var request =
        new ShiftApi.ShiftRequest(
            UUID.fromString(checkpoint),
            start,
            start.plusHours(8),
            List.of(new ShiftApi.MemberRequest(person, ShiftRole.LEAD)));
    Future<?> scheduling =
        pool.submit(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          shifts.schedule(request, new ShiftService.Scheduler("commander", true));
                          scheduled.countDown();
                          awaitLatch(release);
                        }));
    assertThat(scheduled.await(30, TimeUnit.SECONDS)).isTrue();
    Future<?> sickness =
        pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> deliver(sick(person))));
    await().atMost(Duration.ofSeconds(30)).until(() -> sickness.isDone() || someoneWaitsForALock());
    release.countDown();
    scheduling.get(30, TimeUnit.SECONDS);
    sickness.get(30, TimeUnit.SECONDS);

    assertNotOnAnUpcomingShift(person);
    assertUnderstaffed(start);
  }

  @Test
  void manyRacesNeverLeaveASickPersonOnANewShift() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      UUID person = registered();
      OffsetDateTime start = nextStart();
      int leadIn = round % 3; // requests made before the sickness, to vary who gets there first
      List<Integer> outcome =
          ShiftSupport.race(
              () -> postShift(person, start),
              () -> {
                for (int i = 0; i < leadIn; i++) {
                  as(COMMAND).get("/personnel/" + person).then().statusCode(200);
                }
                QuarkusTransaction.requiringNew().run(() -> deliver(sick(person)));
                return 0;
              });

      assertThat(outcome.get(0)).as("round %d: POST /shifts answered", round).isIn(201, 422);
      assertNotOnAnUpcomingShift(person);
      if (outcome.get(0) == 201) {
        assertUnderstaffed(start);
      }
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
