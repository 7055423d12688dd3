package cn.gov.jingyang.ops.checkpoint.shift;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A retried shift schedule or start with an Idempotency-Key gets the first answer, never a second
 * shift.
 */
@QuarkusTest
class IdempotentShiftTest {

  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(80).truncatedTo(ChronoUnit.HOURS);

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private long shiftsAt(String checkpoint) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from shift where checkpoint_id = ?")) {
      ps.setObject(1, UUID.fromString(checkpoint));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void eightConcurrentDuplicatesScheduleOneShift() throws Exception {
    ShiftSupport support = new ShiftSupport(kafka.bootstrapServers());
    String checkpoint = Api.activeCheckpoint();
    var body = shift(checkpoint, BASE, 8, List.of(member(support.available(), "LEAD")));
    String key = UUID.randomUUID().toString();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> created = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return as(COMMAND).header("Idempotency-Key", key).body(body).post("/shifts");
                }));
      }
      start.countDown();
      for (Future<Response> answer : answers) {
        Response r = answer.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.asString()).isIn(201, 409);
        if (r.statusCode() == 201) {
          created.add(r.asString());
        } else {
          r.then()
              .header("Retry-After", "1")
              .body("type", equalTo("https://ops.jingyang.police/problems/request-in-progress"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(created).isNotEmpty().allMatch(created.get(0)::equals);
    assertThat(shiftsAt(checkpoint)).isEqualTo(1);

    Response retry = as(COMMAND).header("Idempotency-Key", key).body(body).post("/shifts");
    retry.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(retry.asString()).isEqualTo(created.get(0));
    // without the key the same request is a new one, refused because the member is on that shift
    // already
    as(COMMAND).body(body).post("/shifts").then().statusCode(409);
    assertThat(shiftsAt(checkpoint)).isEqualTo(1);
  }

  @Test
  void aRetriedStartAnswersTheFirstStartInsteadOfAnIllegalTransition() {
    ShiftSupport support = new ShiftSupport(kafka.bootstrapServers());
    String checkpoint = Api.activeCheckpoint();
    String id =
        ShiftSupport.schedule(
            shift(checkpoint, BASE.plusDays(3), 8, List.of(member(support.available(), "LEAD"))));
    String key = UUID.randomUUID().toString();
    String at = "{\"at\":\"" + BASE.plusDays(3).plusMinutes(5) + "\"}";

    String first =
        as(COMMAND)
            .header("Idempotency-Key", key)
            .body(at)
            .post("/shifts/" + id + "/start")
            .then()
            .statusCode(200)
            .header("Idempotent-Replayed", nullValue())
            .body("status", equalTo("STARTED"))
            .extract()
            .asString();
    String retry =
        as(COMMAND)
            .header("Idempotency-Key", key)
            .body(at)
            .post("/shifts/" + id + "/start")
            .then()
            .statusCode(200)
            .header("Idempotent-Replayed", "true")
            .extract()
            .asString();
    assertThat(retry).isEqualTo(first);
    as(COMMAND).body(at).post("/shifts/" + id + "/start").then().statusCode(409);
  }
}
