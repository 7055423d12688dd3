package cn.gov.jingyang.ops.personnel.person;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.personnel.TestApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A retried registration or deactivation with an Idempotency-Key gets the first answer, never a
 * second person.
 */
@QuarkusTest
class IdempotentRegistrationTest {

  @Inject DataSource dataSource;

  private long peopleWithBadge(String badge) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from person where badge_number = ?")) {
      ps.setString(1, badge);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void eightConcurrentDuplicatesRegisterOnePerson() throws Exception {
    Map<String, Object> person = TestApi.person("POLICE_OFFICER", TestApi.bureau());
    String key = UUID.randomUUID().toString();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Response> created = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return admin().header("Idempotency-Key", key).body(person).post("/people");
                }));
      }
      start.countDown();
      for (Future<Response> answer : answers) {
        Response r = answer.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.asString()).isIn(201, 409);
        if (r.statusCode() == 201) {
          created.add(r);
        } else {
          r.then()
              .header("Retry-After", "1")
              .body("type", equalTo("https://ops.jingyang.police/problems/request-in-progress"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(created).isNotEmpty();
    for (Response r : created) {
      assertThat(r.asString()).isEqualTo(created.get(0).asString());
      assertThat(r.header("Location")).isEqualTo(created.get(0).header("Location"));
      assertThat(r.header("ETag")).isEqualTo(created.get(0).header("ETag"));
    }
    assertThat(peopleWithBadge((String) person.get("badgeNumber"))).isEqualTo(1);
  }

  @Test
  void aRetriedDeactivationAnswersTheVersionItCreated() {
    String id = TestApi.register("AUXILIARY_POLICE", TestApi.bureau());
    String key = UUID.randomUUID().toString();
    Map<String, String> reason = Map.of("reason", "contract ended");

    Response first =
        admin().header("Idempotency-Key", key).body(reason).post("/people/" + id + "/deactivation");
    first.then().statusCode(200).body("active", equalTo(false));
    // the ETag answered is the version stored, although the change and the answer share one
    // transaction
    String current = admin().get("/people/" + id).then().statusCode(200).extract().header("ETag");
    assertThat(first.header("ETag")).isEqualTo(current);

    Response retry =
        admin().header("Idempotency-Key", key).body(reason).post("/people/" + id + "/deactivation");
    retry.then().statusCode(200).header("Idempotent-Replayed", "true").header("ETag", current);
    assertThat(retry.asString()).isEqualTo(first.asString());
  }
}
