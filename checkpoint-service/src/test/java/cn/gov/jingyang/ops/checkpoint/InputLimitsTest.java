package cn.gov.jingyang.ops.checkpoint;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.platform.paging.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every input has a declared, enforced limit (issue 10, "one lint-clean OpenAPI"): one over-limit
 * value per resource family is refused with a 400 problem naming it, before anything is stored.
 */
@QuarkusTest
class InputLimitsTest {

  private static ValidatableResponse refused(ValidatableResponse response, String field) {
    return response
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  @Test
  void checkpoints() {
    refused(
        as(COMMAND)
            .body(Api.checkpointJson(Api.newCode()).replace("黄许出口卡点", "卡".repeat(201)))
            .post("/checkpoints")
            .then(),
        "name");
    refused(as(OFFICER).queryParam("town", "镇".repeat(101)).get("/checkpoints").then(), "town");
    String id = Api.plannedCheckpoint();
    as(COMMAND)
        .header("If-Match", "\"" + "1".repeat(40) + "\"")
        .body(Api.checkpointJson("X"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void inspections() {
    refused(as(OFFICER).queryParam("plate", "川F".repeat(11)).get("/inspections").then(), "plate");
    refused(
        as(OFFICER).queryParam("idNumber", "5".repeat(19)).get("/inspections").then(), "idNumber");
    String occupant =
        Api.occupant(Api.idNumber(), "四川省", 36.5, "[]", "CLEARED")
            .replace("13900005678", "1".repeat(22));
    refused(
        as(OFFICER)
            .body(
                Api.inspection(
                    UUID.randomUUID(),
                    Api.activeCheckpoint(),
                    "2020-02-04T09:00:00+08:00",
                    "川F12345",
                    List.of(occupant)))
            .post("/inspections")
            .then(),
        "occupants[0].phone");
  }

  @Test
  void shifts() {
    List<Map<String, Object>> members = new ArrayList<>();
    for (int i = 0; i <= 50; i++) {
      members.add(Api.member(UUID.randomUUID(), i == 0 ? "LEAD" : "MEMBER"));
    }
    refused(
        as(COMMAND)
            .body(
                Map.of(
                    "checkpointId",
                    Api.activeCheckpoint(),
                    "start",
                    "2020-02-03T08:00:00+08:00",
                    "end",
                    "2020-02-03T20:00:00+08:00",
                    "members",
                    members))
            .post("/shifts")
            .then(),
        "members");
  }

  @Test
  void visits() {
    refused(
        as(OFFICER)
            .body(
                Map.of(
                    "checkpointId",
                    Api.activeCheckpoint(),
                    "leaderName",
                    "副局长 王强",
                    "leaderAgency",
                    "市场监督管理局",
                    "visitedAt",
                    "2020-02-03T20:30:00+08:00",
                    "findings",
                    "查".repeat(4001)))
            .post("/visits")
            .then(),
        "findings");
  }

  @Test
  void statistics() {
    refused(
        as(COMMAND)
            .queryParam("from", "2020-01-01")
            .queryParam("to", "2021-01-01")
            .get("/statistics")
            .then(),
        "to");
  }

  @Test
  void personnel() {
    refused(
        as(COMMAND).queryParam("page", PageRequest.MAX_PAGE + 1).get("/personnel").then(), "page");
  }

  @Test
  void riskRules() {
    refused(as(COMMAND).get("/risk-rules/history/0").then(), "version");
    List<String> regions = new ArrayList<>();
    for (int i = 0; i <= 200; i++) {
      regions.add("省" + i);
    }
    refused(
        as(COMMAND)
            .header("If-Match", Api.etag("/risk-rules"))
            .body(
                Map.of(
                    "regions",
                    regions,
                    "temperatureThreshold",
                    37.3,
                    "symptoms",
                    List.of("FEVER"),
                    "reason",
                    "too many"))
            .put("/risk-rules")
            .then(),
        "regions");
  }
}
