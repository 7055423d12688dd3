package cn.gov.jingyang.ops.checkpoint.checkpoint;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.STATION;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckpointResourceTest {

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  @Test
  void commandPlansACheckpointAndItsEventReachesKafkaWithinItsContract() {
    String code = Api.newCode();
    String id =
        as(COMMAND)
            .body(Api.checkpointJson(code))
            .post("/checkpoints")
            .then()
            .statusCode(201)
            .header("Location", containsString("/checkpoints/"))
            .body("status", equalTo("PLANNED"))
            .body("allowedTransitions", contains("ACTIVE"))
            .body("participatingAgencies", contains("交警大队", "卫健局"))
            .extract()
            .path("id");

    as(AUDITOR).get("/checkpoints/" + id).then().statusCode(200).body("code", equalTo(code));

    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), "checkpoint.events")) {
      var records =
          probe.until(
              rs ->
                  rs.stream()
                      .anyMatch(
                          r ->
                              r.value().contains(id) && r.value().contains("CheckpointRegistered")),
              Duration.ofSeconds(30));
      String event =
          records.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow().value();
      EventContracts.assertValid(event);
      assertThat(io.restassured.path.json.JsonPath.from(event).getString("data.code"))
          .isEqualTo(code);
    }
  }

  @Test
  void statusFollowsTheLifecycleAndAnIllegalMoveNamesTheAllowedOnes() {
    String id = Api.plannedCheckpoint();
    as(COMMAND)
        .body("{\"status\":\"SUSPENDED\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("allowed", contains("ACTIVE"))
        .body("detail", containsString("allowed: [ACTIVE]"));

    as(COMMAND)
        .body("{\"status\":\"ACTIVE\",\"at\":\"2020-01-28T08:00:00+08:00\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("activatedAt", notNullValue());
    as(COMMAND)
        .body("{\"status\":\"SUSPENDED\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(200)
        .body("allowedTransitions", contains("ACTIVE", "CLOSED"));
    as(COMMAND)
        .body("{\"status\":\"ACTIVE\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(200);
    as(COMMAND)
        .body("{\"status\":\"CLOSED\",\"reason\":\"epidemic over\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(200)
        .body("closedAt", notNullValue());
    as(COMMAND)
        .body("{\"status\":\"ACTIVE\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(409)
        .body("allowed.size()", equalTo(0));

    Db db = new Db(dataSource);
    List<String> changes = db.events("CheckpointStatusChanged", "checkpointId", id);
    assertThat(changes).hasSize(4);
    changes.forEach(EventContracts::assertValid);
  }

  @Test
  void invalidInputIsRefusedNamingTheFields() {
    as(COMMAND)
        .body("{\"code\":\"\",\"kind\":\"CASTLE\"}")
        .post("/checkpoints")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("kind"));
    as(COMMAND)
        .body("{\"name\":\"x\"}")
        .post("/checkpoints")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("code"))
        .body("errors.field", hasItem("leadAgency"));
    String id = Api.plannedCheckpoint();
    as(COMMAND)
        .body("{\"status\":\"OPEN\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("status"));
  }

  @Test
  void aDuplicateCodeIsAConflictAndAnUnknownCheckpointIsNotFound() {
    String code = Api.newCode();
    as(COMMAND).body(Api.checkpointJson(code)).post("/checkpoints").then().statusCode(201);
    as(COMMAND)
        .body(Api.checkpointJson(code))
        .post("/checkpoints")
        .then()
        .statusCode(409)
        .body("detail", containsString(code));
    as(COMMAND)
        .get("/checkpoints/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void listsAreFilteredAndPagedWithTheSizeCapped() {
    String id = Api.plannedCheckpoint();
    as(COMMAND)
        .body(Api.checkpointJson("IGNORED").replace("黄许镇", "德新镇").replace("IGNORED", Api.newCode()))
        .post("/checkpoints")
        .then()
        .statusCode(201);
    as(OFFICER)
        .queryParam("town", "德新镇")
        .queryParam("size", 1000)
        .get("/checkpoints")
        .then()
        .statusCode(200)
        .body("size", equalTo(200))
        .body("items.town", org.hamcrest.Matchers.everyItem(equalTo("德新镇")))
        .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    as(OFFICER)
        .queryParam("status", "PLANNED")
        .queryParam("size", 1)
        .queryParam("page", 0)
        .get("/checkpoints")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    assertThat(id).isNotBlank();
  }

  @Test
  void onlyCommandManagesCheckpointsAndOtherRolesAreRefused() {
    String id = Api.plannedCheckpoint();
    as(OFFICER).body(Api.checkpointJson(Api.newCode())).post("/checkpoints").then().statusCode(403);
    as(AUDITOR).body(Api.checkpointJson(Api.newCode())).post("/checkpoints").then().statusCode(403);
    as(AUDITOR)
        .body("{\"status\":\"ACTIVE\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(403);
    as(AUDITOR).get("/checkpoints").then().statusCode(200);
    as(STATION).get("/checkpoints").then().statusCode(403).contentType("application/problem+json");
    as(Api.PROVINCE).get("/checkpoints/" + id).then().statusCode(403);
    given().get("/checkpoints").then().statusCode(401);
  }

  @Test
  void describingKeepsTheCodeAndTheStatus() {
    String code = Api.newCode();
    String id =
        as(COMMAND)
            .body(Api.checkpointJson(code))
            .post("/checkpoints")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(COMMAND)
        .header("If-Match", "\"0\"")
        .body(Api.checkpointJson(code).replace("副局长 李明", "副局长 王强"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(200)
        .body("supervisingLeader", equalTo("副局长 王强"))
        .body("status", equalTo("PLANNED"));
    as(COMMAND)
        .header("If-Match", "\"1\"")
        .body(Api.checkpointJson(Api.newCode()))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("code"));
  }
}
