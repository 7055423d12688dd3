package cn.gov.jingyang.ops.checkpoint.visit;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
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
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VisitTest {

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  static String visit(String checkpoint, UUID leader, String at) {
    return """
        {"checkpointId":"%s","leaderId":"%s","visitedAt":"%s","findings":"登记完整，体温枪电量不足","instructions":"补充电池"}"""
        .formatted(checkpoint, leader, at);
  }

  static String foreignVisit(String checkpoint, String at) {
    return """
        {"checkpointId":"%s","leaderName":"副局长 王强","leaderAgency":"市场监督管理局","visitedAt":"%s","findings":"口罩价格检查"}"""
        .formatted(checkpoint, at);
  }

  /** A leader registered by personnel-service (its example event, fresh id), in the replica. */
  private UUID leader(boolean active) {
    UUID person = UUID.randomUUID();
    String event =
        EventContracts.example("personnel", "PersonRegistered")
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a10", UUID.randomUUID().toString())
            .replace("\"active\": true", "\"active\": " + active);
    TopicProbe.send(kafka.bootstrapServers(), "personnel.events", person.toString(), event);
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/personnel/" + person)
                    .then()
                    .statusCode(200)
                    .body("active", equalTo(active)));
    return person;
  }

  private String post(String token, String body) {
    return as(token).body(body).post("/visits").then().statusCode(201).extract().path("id");
  }

  @Test
  void theLeaderIsAKnownPersonAndTheVisitIsPublishedWithTheirId() {
    String checkpoint = Api.activeCheckpoint();
    UUID leader = leader(true);
    String id = post(OFFICER, visit(checkpoint, leader, "2020-02-03T20:30:00+08:00"));
    post(COMMAND, visit(checkpoint, leader, "2020-02-04T20:30:00+08:00"));

    as(AUDITOR)
        .get("/visits/" + id)
        .then()
        .statusCode(200)
        .body("leaderId", equalTo(leader.toString()))
        .body("leaderName", equalTo("张伟"))
        .body("leaderAgency", nullValue())
        .body("recordedBy", equalTo("officer.zhang"));
    as(AUDITOR)
        .queryParam("checkpointId", checkpoint)
        .get("/visits")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items[1].id", equalTo(id))
        .body("items[0].visitedAt", org.hamcrest.Matchers.startsWith("2020-02-04"));
    as(AUDITOR)
        .queryParam("checkpointId", checkpoint)
        .queryParam("from", "2020-02-04")
        .get("/visits")
        .then()
        .body("total", equalTo(1));

    List<String> events = new Db(dataSource).events("SupervisoryVisitRecorded", "visitId", id);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    assertThat(events.get(0)).contains("\"leaderId\": \"" + leader + "\"", "\"visitor\": \"张伟\"");
  }

  @Test
  void anUnknownOrInactiveLeaderIsRefusedNamingTheField() {
    String checkpoint = Api.activeCheckpoint();
    String at = "2020-02-03T20:30:00+08:00";
    as(OFFICER)
        .body(visit(checkpoint, UUID.randomUUID(), at))
        .post("/visits")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("leaderId"));
    as(OFFICER)
        .body(visit(checkpoint, leader(false), at))
        .post("/visits")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("leaderId"));
    as(OFFICER)
        .body(foreignVisit(checkpoint, at).replace("\"leaderAgency\":\"市场监督管理局\",", ""))
        .post("/visits")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("leaderAgency"));
    as(OFFICER)
        .body(foreignVisit(checkpoint, at).replace("\"leaderName\":\"副局长 王强\",", ""))
        .post("/visits")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("leaderName"));
    assertThat(
            new Db(dataSource)
                .count(
                    "select count(*) from supervisory_visit where checkpoint_id = ?",
                    UUID.fromString(checkpoint)))
        .isZero();
  }

  @Test
  void aLeaderFromAnotherAgencyIsRecordedByNameAndAgency() {
    String checkpoint = Api.activeCheckpoint();
    String id = post(OFFICER, foreignVisit(checkpoint, "2020-02-03T21:00:00+08:00"));
    as(AUDITOR)
        .get("/visits/" + id)
        .then()
        .statusCode(200)
        .body("leaderId", nullValue())
        .body("leaderName", equalTo("副局长 王强"))
        .body("leaderAgency", equalTo("市场监督管理局"));
    String event = new Db(dataSource).events("SupervisoryVisitRecorded", "visitId", id).get(0);
    EventContracts.assertValid(event);
  }

  @Test
  void aVisitRecordedBeforeLeadersWereReferencesStaysReadable() throws Exception {
    String checkpoint = Api.activeCheckpoint();
    UUID id = UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into supervisory_visit (id, checkpoint_id, leader_name, visited_at,"
                    + " findings, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, now())")) {
      ps.setObject(1, id);
      ps.setObject(2, UUID.fromString(checkpoint));
      ps.setString(3, "副政委 陈刚");
      ps.setObject(4, OffsetDateTime.parse("2020-02-01T20:00:00+08:00"));
      ps.setString(5, "值守到位");
      ps.setString(6, "li.ming");
      ps.executeUpdate();
    }
    as(AUDITOR)
        .get("/visits/" + id)
        .then()
        .statusCode(200)
        .body("leaderName", equalTo("副政委 陈刚"))
        .body("leaderId", nullValue());
  }

  @Test
  void visitsNeedAKnownCheckpointFindingsAndTheRightRole() {
    String checkpoint = Api.activeCheckpoint();
    String at = "2020-02-03T20:30:00+08:00";
    as(OFFICER)
        .body(foreignVisit(UUID.randomUUID().toString(), at))
        .post("/visits")
        .then()
        .statusCode(404);
    as(OFFICER)
        .body(foreignVisit(checkpoint, at).replace("口罩价格检查", ""))
        .post("/visits")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("findings"));
    as(AUDITOR).body(foreignVisit(checkpoint, at)).post("/visits").then().statusCode(403);
    as(Api.STATION).get("/visits").then().statusCode(403);
    as(Api.STATION).get("/visits/coverage").then().statusCode(403);
    as(AUDITOR).get("/visits/" + UUID.randomUUID()).then().statusCode(404);
  }
}
