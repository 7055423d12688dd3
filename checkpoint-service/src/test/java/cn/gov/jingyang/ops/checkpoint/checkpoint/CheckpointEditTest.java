package cn.gov.jingyang.ops.checkpoint.checkpoint;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Edits of a checkpoint's description name the version they were based on (ETag / If-Match). */
@QuarkusTest
class CheckpointEditTest {

  private static String plan(String code) {
    return as(COMMAND)
        .body(Api.checkpointJson(code))
        .post("/checkpoints")
        .then()
        .statusCode(201)
        .header("ETag", "\"0\"")
        .extract()
        .path("id");
  }

  private static String withLeader(String code, String leader) {
    return Api.checkpointJson(code).replace("副局长 李明", leader);
  }

  @Test
  void anEditWithTheVersionReadSucceedsAndAnswersTheNewETag() {
    String code = Api.newCode();
    String id = plan(code);
    String etag =
        as(AUDITOR)
            .get("/checkpoints/" + id)
            .then()
            .statusCode(200)
            .header("ETag", "\"0\"")
            .body("version", equalTo(0))
            .extract()
            .header("ETag");

    as(COMMAND)
        .header("If-Match", etag)
        .body(withLeader(code, "副局长 王强"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("version", equalTo(1))
        .body("supervisingLeader", equalTo("副局长 王强"));
    as(AUDITOR)
        .get("/checkpoints/" + id)
        .then()
        .header("ETag", "\"1\"")
        .body("supervisingLeader", equalTo("副局长 王强"));
    // a weak tag naming the current version is accepted too
    as(COMMAND)
        .header("If-Match", "W/\"1\"")
        .body(withLeader(code, "副局长 赵刚"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
  }

  @Test
  void anEditBasedOnAStaleVersionIsRefusedWith412AndChangesNothing() {
    String code = Api.newCode();
    String id = plan(code);
    as(COMMAND)
        .header("If-Match", "\"0\"")
        .body(withLeader(code, "副局长 王强"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(200);

    as(COMMAND)
        .header("If-Match", "\"0\"")
        .body(withLeader(code, "副局长 赵刚"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("type", endsWith("/stale-version"))
        .body("detail", containsString("version 1"));
    // a status change is a new version as well
    as(COMMAND)
        .body("{\"status\":\"ACTIVE\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
    as(COMMAND)
        .header("If-Match", "\"1\"")
        .body(withLeader(code, "副局长 赵刚"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(412);
    as(COMMAND)
        .header("If-Match", "\"latest\"")
        .body(withLeader(code, "副局长 赵刚"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(412);

    as(AUDITOR)
        .get("/checkpoints/" + id)
        .then()
        .header("ETag", "\"2\"")
        .body("supervisingLeader", equalTo("副局长 王强"))
        .body("status", equalTo("ACTIVE"));
  }

  @Test
  void anEditWithoutIfMatchIsRefusedWith428() {
    String code = Api.newCode();
    String id = plan(code);
    as(COMMAND)
        .body(withLeader(code, "副局长 王强"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(428)
        .contentType("application/problem+json")
        .body("status", equalTo(428))
        .body("type", endsWith("/precondition-required"))
        .body("detail", containsString("If-Match"));
    as(AUDITOR)
        .get("/checkpoints/" + id)
        .then()
        .header("ETag", "\"0\"")
        .body("supervisingLeader", equalTo("副局长 李明"));
  }

  @Test
  void ofTwoConcurrentEditsOfTheSameVersionExactlyOneWins() throws Exception {
    String code = Api.newCode();
    String id = plan(code);
    List<Integer> statuses =
        race(
            () ->
                as(COMMAND)
                    .header("If-Match", "\"0\"")
                    .body(withLeader(code, "副局长 王强"))
                    .put("/checkpoints/" + id)
                    .statusCode(),
            () ->
                as(COMMAND)
                    .header("If-Match", "\"0\"")
                    .body(withLeader(code, "副局长 赵刚"))
                    .put("/checkpoints/" + id)
                    .statusCode());
    assertThat(statuses).containsExactlyInAnyOrder(200, 412);

    String winner = statuses.get(0) == 200 ? "副局长 王强" : "副局长 赵刚";
    as(AUDITOR)
        .get("/checkpoints/" + id)
        .then()
        .header("ETag", "\"1\"")
        .body("supervisingLeader", equalTo(winner));
  }

  private static List<Integer> race(Callable<Integer> one, Callable<Integer> two) throws Exception {
    var pool = Executors.newFixedThreadPool(2);
    try {
      var start = new CountDownLatch(1);
      var f1 =
          pool.submit(
              () -> {
                start.await();
                return one.call();
              });
      var f2 =
          pool.submit(
              () -> {
                start.await();
                return two.call();
              });
      start.countDown();
      return List.of(f1.get(30, TimeUnit.SECONDS), f2.get(30, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }
}
