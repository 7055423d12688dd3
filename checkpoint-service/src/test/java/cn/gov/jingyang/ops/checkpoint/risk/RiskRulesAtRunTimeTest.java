package cn.gov.jingyang.ops.checkpoint.risk;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * COMMAND changes the risk regions and thresholds at run time; every change is a version, and each
 * inspection is judged by (and keeps) the version in force when it is recorded. Every test puts the
 * rules it found back (as a further version): the other tests of this JVM expect the defaults.
 */
@QuarkusTest
class RiskRulesAtRunTimeTest {

  @Inject DataSource dataSource;

  private static ExtractableResponse<Response> current() {
    return as(AUDITOR).get("/risk-rules").then().statusCode(200).extract();
  }

  private static Map<String, Object> rules(
      List<String> regions, String threshold, List<String> symptoms, String reason) {
    return Map.of(
        "regions",
        regions,
        "temperatureThreshold",
        threshold,
        "symptoms",
        symptoms,
        "reason",
        reason);
  }

  private static Map<String, Object> asTheyWere(JsonPath before) {
    return rules(
        before.getList("regions"),
        before.getString("temperatureThreshold"),
        before.getList("symptoms"),
        "restore after test");
  }

  private static void restore(JsonPath before) {
    String etag = current().header("ETag");
    as(COMMAND)
        .header("If-Match", etag)
        .body(asTheyWere(before))
        .put("/risk-rules")
        .then()
        .statusCode(200);
  }

  private static JsonPath inspect(String checkpoint, String province, double temperature) {
    String record =
        Api.inspection(
            UUID.randomUUID(),
            checkpoint,
            "2020-02-03T09:00:00+08:00",
            "川F12345",
            List.of(Api.occupant(Api.idNumber(), province, temperature, "[]", "CLEARED")));
    return as(OFFICER)
        .body(record)
        .post("/inspections")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  @Test
  void inspectionsRecordedAfterAChangeAreJudgedByTheNewVersionAndKeepIt() {
    ExtractableResponse<Response> read = current();
    JsonPath before = read.jsonPath();
    int version = before.getInt("version");
    assertThat(read.header("ETag")).isEqualTo("\"" + version + "\"");
    assertThat(before.getList("regions", String.class)).contains("湖北省");
    String checkpoint = Api.activeCheckpoint();
    try {
      JsonPath earlier = inspect(checkpoint, "浙江省", 37.1);
      assertThat(earlier.getBoolean("occupants[0].flagged")).isFalse();
      assertThat(earlier.getInt("riskRulesVersion")).isEqualTo(version);

      Map<String, Object> change =
          rules(
              List.of("湖北省", "浙江省"),
              "37.0",
              List.of("FEVER", "COUGH"),
              "浙江 added to the province's list; threshold lowered");
      as(COMMAND).body(change).put("/risk-rules").then().statusCode(428);
      as(COMMAND)
          .header("If-Match", "\"" + (version + 7) + "\"")
          .body(change)
          .put("/risk-rules")
          .then()
          .statusCode(412);
      as(OFFICER)
          .header("If-Match", read.header("ETag"))
          .body(change)
          .put("/risk-rules")
          .then()
          .statusCode(403);
      String etag =
          as(COMMAND)
              .header("If-Match", read.header("ETag"))
              .body(change)
              .put("/risk-rules")
              .then()
              .statusCode(200)
              .body("version", equalTo(version + 1))
              .body("changedBy", equalTo("chief"))
              .body("regions", hasItem("浙江省"))
              .extract()
              .header("ETag");
      assertThat(etag).isEqualTo("\"" + (version + 1) + "\"");

      JsonPath later = inspect(checkpoint, "浙江省", 37.1);
      assertThat(later.getBoolean("occupants[0].flagged")).isTrue();
      assertThat(later.getList("occupants[0].flagReasons", String.class))
          .containsExactly("FROM_RISK_REGION", "FEVER");
      assertThat(later.getInt("riskRulesVersion")).isEqualTo(version + 1);

      // the earlier record stays as it was judged
      as(AUDITOR)
          .get("/inspections/" + earlier.getString("id"))
          .then()
          .statusCode(200)
          .body("occupants[0].flagged", equalTo(false))
          .body("riskRulesVersion", equalTo(version));

      as(AUDITOR)
          .get("/risk-rules/history")
          .then()
          .statusCode(200)
          .body("items[0].version", equalTo(version + 1))
          .body("items[0].reason", equalTo("浙江 added to the province's list; threshold lowered"))
          .body("items[1].version", equalTo(version));
      as(AUDITOR)
          .get("/risk-rules/history/1")
          .then()
          .statusCode(200)
          .body("changedBy", equalTo("configuration"))
          .body("regions", equalTo(List.of("湖北省")));
      as(AUDITOR).get("/risk-rules/history/100000").then().statusCode(404);

      Db db = new Db(dataSource);
      List<String> changed = db.events("RiskRulesChanged", "version", String.valueOf(version + 1));
      assertThat(changed).hasSize(1);
      EventContracts.assertValid(changed.get(0));
      JsonPath event = JsonPath.from(changed.get(0));
      assertThat(event.getInt("data.previousVersion")).isEqualTo(version);
      assertThat(event.getDouble("data.temperatureThreshold")).isEqualTo(37.0);
      List<String> flagged = db.events("OccupantFlagged", "inspectionId", later.getString("id"));
      assertThat(flagged).hasSize(1);
      assertThat(JsonPath.from(flagged.get(0)).getInt("data.riskRulesVersion"))
          .isEqualTo(version + 1);
    } finally {
      restore(before);
    }
  }

  @Test
  void twoChangesBasedOnTheSameVersionCannotBothWin() throws Exception {
    ExtractableResponse<Response> read = current();
    JsonPath before = read.jsonPath();
    String etag = read.header("ETag");
    try {
      var pool = Executors.newFixedThreadPool(2);
      var start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (String region : List.of("浙江省", "广东省")) {
        Callable<Integer> change =
            () -> {
              start.await();
              return as(COMMAND)
                  .header("If-Match", etag)
                  .body(rules(List.of("湖北省", region), "37.3", List.of("FEVER"), "add " + region))
                  .put("/risk-rules")
                  .then()
                  .extract()
                  .statusCode();
            };
        answers.add(pool.submit(change));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> f : answers) {
        codes.add(f.get(30, TimeUnit.SECONDS));
      }
      pool.shutdownNow();
      assertThat(codes).containsExactlyInAnyOrder(200, 412);
      assertThat(current().jsonPath().getInt("version")).isEqualTo(before.getInt("version") + 1);
    } finally {
      restore(before);
    }
  }

  @Test
  void badRulesAreRefusedNamingTheField() {
    String etag = current().header("ETag");
    as(COMMAND)
        .header("If-Match", etag)
        .body(rules(List.of("湖北省"), "45.0", List.of("FEVER"), "typo"))
        .put("/risk-rules")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("temperatureThreshold"));
    as(COMMAND)
        .header("If-Match", etag)
        .body(rules(List.of("湖北省/武汉市/江岸区"), "37.3", List.of("FEVER"), "too deep"))
        .put("/risk-rules")
        .then()
        .statusCode(400);
    as(COMMAND)
        .header("If-Match", etag)
        .body(rules(List.of("湖北省"), "37.3", List.of("SNEEZING"), "unknown symptom"))
        .put("/risk-rules")
        .then()
        .statusCode(400);
    assertThat(current().header("ETag")).isEqualTo(etag);
  }
}
