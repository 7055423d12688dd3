package cn.gov.jingyang.ops.cases.casefile;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.AUDITOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.UNIT;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.cases.verification.ConcealedExposureFound;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A CONCEALED_EXPOSURE outcome opens exactly one case per task, whatever the retries. */
@QuarkusTest
class OpenFromVerificationTest {

  @Inject CaseFileService service;
  @Inject DataSource dataSource;

  private static ConcealedExposureFound finding(UUID task) {
    return new ConcealedExposureFound(
        task,
        "陈某",
        "510603199001010021",
        "13900001111",
        "城北街道某小区5栋",
        "510603-T02",
        UUID.fromString(UNIT),
        "隐瞒武汉旅居史",
        OffsetDateTime.parse("2020-02-02T09:00:00+08:00"),
        "station.wang");
  }

  @Test
  void aTaskOpensOneConcealmentCaseAndARepeatReturnsIt() {
    UUID task = UUID.randomUUID();
    CaseFile first = service.openFromVerification(finding(task));
    CaseFile again = service.openFromVerification(finding(task));
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.number()).isEqualTo(first.number());

    as(AUDITOR)
        .get("/cases/" + first.id())
        .then()
        .statusCode(200)
        .body("kind", equalTo("CONCEALMENT_OF_EXPOSURE"))
        .body("source", equalTo("VERIFICATION"))
        .body("status", equalTo("REPORTED"))
        .body("linkedTaskId", equalTo(task.toString()))
        .body("townName", equalTo("城北街道"))
        .body("leadUnitId", equalTo(UNIT))
        .body("parties[0].idNumber", equalTo("510603********0021"));

    Db db = new Db(dataSource);
    assertThat(db.count("select count(*) from case_file where linked_task_id = ?", task))
        .isEqualTo(1);
    // the suspect's ID number and phone are stored sealed, as every party's
    assertThat(db.strings("select parties::text from case_file where linked_task_id = ?", task))
        .singleElement()
        .satisfies(
            parties ->
                assertThat(parties)
                    .contains("pd1:")
                    .doesNotContain("510603199001010021")
                    .doesNotContain("13900001111"));
    List<String> events = db.events("CaseReported", "linkedTaskId", task.toString());
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    assertThat(events.get(0)).doesNotContain("510603199001010021").doesNotContain("13900001111");
  }

  @Test
  void concurrentCallsForOneTaskOpenOneCase() throws Exception {
    UUID task = UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<UUID>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return service.openFromVerification(finding(task)).id();
                }));
      }
      start.countDown();
      Set<UUID> ids = new HashSet<>();
      for (Future<UUID> r : results) {
        ids.add(r.get());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            new Db(dataSource)
                .count("select count(*) from case_file where linked_task_id = ?", task))
        .isEqualTo(1);
  }

  @Test
  void aTaskWithoutTownOrStationStillOpensItsCase() {
    UUID task = UUID.randomUUID();
    CaseFile c =
        service.openFromVerification(
            new ConcealedExposureFound(
                task, "陈某", null, null, null, null, null, null, null, "district-queue"));
    assertThat(c.details().townCode()).isNull();
    assertThat(c.details().leadUnitId()).isNull();
    assertThat(c.number()).matches("JY-\\d{4}-\\d{6}");
  }
}
