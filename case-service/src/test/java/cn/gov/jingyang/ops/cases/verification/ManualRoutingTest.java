package cn.gov.jingyang.ops.cases.verification;

import static cn.gov.jingyang.ops.cases.verification.Tasks.COMMAND;
import static cn.gov.jingyang.ops.cases.verification.Tasks.WAIT;
import static cn.gov.jingyang.ops.cases.verification.Tasks.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.Db;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A district-queue task routed to a station by hand: by COMMAND or the bureau's own staff, If-Match
 * required, with a VerificationTaskRerouted; a routed task is 409, a unit that is no known police
 * station 422, a station's officer 403.
 */
@QuarkusTest
class ManualRoutingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  @Test
  void commandRoutesADistrictQueueTaskToAStationOnce() throws Exception {
    Db db = new Db(dataSource);
    UUID station = UUID.randomUUID();
    Tasks.cover(kafka.bootstrapServers(), db, station, UUID.randomUUID(), "PS-MR", "510603-T13");
    String task = Tasks.manualTask(null, null);
    String officer = Tasks.stationOfficer(station);
    as(officer).get("/verification-tasks/" + task).then().statusCode(404);
    String etag = Tasks.etag(COMMAND, task);

    route(COMMAND, task, null, station).then().statusCode(428);
    route(COMMAND, task, "\"99\"", station).then().statusCode(412);
    route(COMMAND, task, etag, UUID.randomUUID())
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    String routed =
        route(COMMAND, task, etag, station)
            .then()
            .statusCode(200)
            .body("stationUnitId", equalTo(station.toString()))
            .extract()
            .header("ETag");
    assertThat(routed).isNotEqualTo(etag);
    as(officer).get("/verification-tasks/" + task).then().statusCode(200);

    List<String> events = db.events("VerificationTaskRerouted", "taskId", task);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    JsonNode data = JSON.readTree(events.get(0)).get("data");
    assertThat(data.get("fromStationUnitId").isNull()).isTrue();
    assertThat(data.get("toStationUnitId").asText()).isEqualTo(station.toString());
    assertThat(data.get("routedBy").asText()).isEqualTo("chief");

    route(COMMAND, task, routed, station)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    assertThat(db.events("VerificationTaskRerouted", "taskId", task)).hasSize(1);
    route(COMMAND, UUID.randomUUID().toString(), "\"0\"", station).then().statusCode(404);
  }

  @Test
  void onlyTheDistrictRoutesAndOnlyToAPoliceStation() {
    Db db = new Db(dataSource);
    UUID station = UUID.randomUUID();
    Tasks.cover(kafka.bootstrapServers(), db, station, UUID.randomUUID(), "PS-MR2", "510603-T14");
    UUID bureau = UUID.randomUUID();
    registerBureau(db, bureau);
    String task = Tasks.manualTask(null, null);

    route(Tasks.stationOfficer(station), task, Tasks.etag(COMMAND, task), station)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    String bureauStaff =
        DevTokens.tokenForUnit("duty.bureau", bureau.toString(), Roles.STATION_OFFICER);
    route(bureauStaff, task, Tasks.etag(COMMAND, task), bureau)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("stationUnitId"));
    route(bureauStaff, task, Tasks.etag(COMMAND, task), station)
        .then()
        .statusCode(200)
        .body("stationUnitId", equalTo(station.toString()))
        .body("escalatedToUnitId", nullValue());
    assertThat(db.events("VerificationTaskRerouted", "taskId", task)).hasSize(1);
  }

  private static io.restassured.response.Response route(
      String token, String task, String ifMatch, UUID station) {
    var request = as(token).body("{\"stationUnitId\":\"" + station + "\"}");
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.post("/verification-tasks/" + task + "/route");
  }

  /** personnel's UnitRegistered example, made the district bureau (kind BUREAU, no parent). */
  private void registerBureau(Db db, UUID bureau) {
    try {
      ObjectNode event =
          (ObjectNode) JSON.readTree(EventContracts.example("personnel", "UnitRegistered"));
      event.put("id", UUID.randomUUID().toString());
      event.put("subject", bureau.toString());
      ObjectNode data = (ObjectNode) event.get("data");
      data.put("unitId", bureau.toString());
      data.put("code", "JY-BUREAU-" + bureau.toString().substring(0, 8));
      data.put("name", "旌阳区分局");
      data.put("kind", "BUREAU");
      data.putNull("parentId");
      String json = JSON.writeValueAsString(event);
      EventContracts.assertValid(json);
      TopicProbe.send(kafka.bootstrapServers(), "personnel.events", bureau.toString(), json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                db.count(
                        "select count(*) from routing_unit where unit_id = ? and kind = 'BUREAU'",
                        bureau)
                    == 1);
  }
}
