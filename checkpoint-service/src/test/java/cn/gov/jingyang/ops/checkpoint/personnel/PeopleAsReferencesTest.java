package cn.gov.jingyang.ops.checkpoint.personnel;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 §5: the inspecting officer and a checkpoint's supervising leader are personnel ids,
 * checked against the person replica (known and active, else 422 naming the field); someone of
 * another agency is given by name and agency instead.
 */
@QuarkusTest
class PeopleAsReferencesTest {

  private static final String AT = "2020-02-03T09:15:00+08:00";

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private UUID known() {
    UUID person = Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE");
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(() -> as(COMMAND).get("/personnel/" + person).then().statusCode(200));
    return person;
  }

  private UUID deactivated() {
    UUID person = known();
    String event =
        EventContracts.example("personnel", "PersonDeactivated")
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a12", UUID.randomUUID().toString());
    TopicProbe.send(kafka.bootstrapServers(), "personnel.events", person.toString(), event);
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () -> as(COMMAND).get("/personnel/" + person).then().body("active", equalTo(false)));
    return person;
  }

  /** An inspection by {@code inspector} (JSON members) of one occupant sent to home quarantine. */
  private static String inspection(String checkpointId, String inspector) {
    String occupant = Api.occupant(Api.idNumber(), "湖北省", 37.9, "[]", "HOME_QUARANTINE");
    return Api.inspection(UUID.randomUUID(), checkpointId, AT, "川F·12345", List.of(occupant))
        .replaceAll("\"inspectorName\":\"[^\"]*\",\\s*\"inspectorAgency\":\"[^\"]*\"", inspector);
  }

  @Test
  void anInspectionByAKnownOfficerCarriesTheirIdAndPersonnelsNameIntoTheFlag() {
    UUID officer = known();
    String id =
        as(OFFICER)
            .body(inspection(Api.activeCheckpoint(), "\"inspectorId\":\"" + officer + "\""))
            .post("/inspections")
            .then()
            .statusCode(201)
            .body("inspectorId", equalTo(officer.toString()))
            .body("inspector", equalTo("张伟"))
            .body("inspectorAgency", nullValue())
            .extract()
            .path("id");
    List<String> flags = new Db(dataSource).events("OccupantFlagged", "inspectionId", id);
    assertThat(flags).hasSize(1);
    EventContracts.assertValid(flags.get(0));
    JsonPath flag = JsonPath.from(flags.get(0));
    assertThat(flag.getString("data.inspectorId")).isEqualTo(officer.toString());
    assertThat(flag.getString("data.inspector")).isEqualTo("张伟");
    String recorded = new Db(dataSource).events("InspectionRecorded", "inspectionId", id).get(0);
    EventContracts.assertValid(recorded);
    assertThat(JsonPath.from(recorded).getString("data.inspectorId")).isEqualTo(officer.toString());
  }

  @Test
  void anUnknownOrDeactivatedInspectorOrAnIdWithANameIsRefusedNamingTheField() {
    String checkpoint = Api.activeCheckpoint();
    refused(inspection(checkpoint, "\"inspectorId\":\"" + UUID.randomUUID() + "\""), "inspectorId");
    refused(inspection(checkpoint, "\"inspectorId\":\"" + deactivated() + "\""), "inspectorId");
    refused(
        inspection(checkpoint, "\"inspectorId\":\"" + known() + "\",\"inspectorName\":\"张三\""),
        "inspectorName");
    refused(inspection(checkpoint, "\"inspectorName\":\"刘芳\""), "inspectorAgency");
    refused(inspection(checkpoint, "\"inspectorAgency\":\"旌阳区卫生健康局\""), "inspectorName");
  }

  @Test
  void anInspectorOfAnotherAgencyIsKeptByNameAndAgency() {
    as(OFFICER)
        .body(
            inspection(
                Api.activeCheckpoint(),
                "\"inspectorName\":\"刘芳\",\"inspectorAgency\":\"旌阳区卫生健康局\""))
        .post("/inspections")
        .then()
        .statusCode(201)
        .body("inspectorId", nullValue())
        .body("inspector", equalTo("刘芳"))
        .body("inspectorAgency", equalTo("旌阳区卫生健康局"));
  }

  @Test
  void inABatchOnlyTheRecordWithAnUnknownInspectorIsRejected() {
    String checkpoint = Api.activeCheckpoint();
    UUID officer = known();
    String good = inspection(checkpoint, "\"inspectorId\":\"" + officer + "\"");
    String bad = inspection(checkpoint, "\"inspectorId\":\"" + UUID.randomUUID() + "\"");
    as(OFFICER)
        .body(Api.batch(List.of(good, bad)))
        .post("/inspections/batch")
        .then()
        .statusCode(200)
        .body("created", equalTo(1))
        .body("rejected", equalTo(1))
        .body("results[1].outcome", equalTo("REJECTED"))
        .body("results[1].problem.status", equalTo(422));
  }

  @Test
  void aSupervisingLeaderIsAKnownActivePersonOrSomeoneOfAnotherAgency() {
    UUID leader = known();
    String code = Api.newCode();
    String byId =
        Api.checkpointJson(code)
            .replaceAll(
                "\"supervisingLeaderName\":\"[^\"]*\",\\s*\"supervisingLeaderAgency\":\"[^\"]*\"",
                "\"supervisingLeaderId\":\"" + leader + "\"");
    String id =
        as(COMMAND)
            .body(byId)
            .post("/checkpoints")
            .then()
            .statusCode(201)
            .body("supervisingLeaderId", equalTo(leader.toString()))
            .body("supervisingLeader", equalTo("张伟"))
            .extract()
            .path("id");
    String registered =
        new Db(dataSource).events("CheckpointRegistered", "checkpointId", id).get(0);
    EventContracts.assertValid(registered);
    assertThat(JsonPath.from(registered).getString("data.supervisingLeaderId"))
        .isEqualTo(leader.toString());

    String unknown = byId.replace(leader.toString(), UUID.randomUUID().toString());
    as(COMMAND)
        .header("If-Match", "\"0\"")
        .body(unknown)
        .put("/checkpoints/" + id)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("supervisingLeaderId"));

    String none =
        byId.replace(",\"supervisingLeaderId\":\"" + leader + "\"", "")
            .replace("\"supervisingLeaderId\":\"" + leader + "\"", "");
    as(COMMAND)
        .header("If-Match", "\"0\"")
        .body(none)
        .put("/checkpoints/" + id)
        .then()
        .statusCode(200)
        .body("supervisingLeaderId", nullValue())
        .body("supervisingLeader", nullValue());
  }

  private static void refused(String body, String field) {
    as(OFFICER)
        .body(body)
        .post("/inspections")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field));
  }
}
