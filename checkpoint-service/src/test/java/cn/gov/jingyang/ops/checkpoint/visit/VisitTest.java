package cn.gov.jingyang.ops.checkpoint.visit;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.checkpoint.Db;
import cn.gov.jingyang.ops.infra.EventContracts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VisitTest {

  @Inject DataSource dataSource;

  private static String visit(String checkpoint, String at) {
    return """
        {"checkpointId":"%s","visitor":"副局长 李明","visitedAt":"%s","findings":"登记完整，体温枪电量不足","instructions":"补充电池"}"""
        .formatted(checkpoint, at);
  }

  @Test
  void visitsAreRecordedListedAndPublished() {
    String checkpoint = Api.activeCheckpoint();
    String id =
        as(OFFICER)
            .body(visit(checkpoint, "2020-02-03T20:30:00+08:00"))
            .post("/visits")
            .then()
            .statusCode(201)
            .body("recordedBy", equalTo("officer.zhang"))
            .extract()
            .path("id");
    as(COMMAND)
        .body(visit(checkpoint, "2020-02-04T20:30:00+08:00"))
        .post("/visits")
        .then()
        .statusCode(201);

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
  }

  @Test
  void visitsNeedAKnownCheckpointFindingsAndTheRightRole() {
    String checkpoint = Api.activeCheckpoint();
    as(OFFICER)
        .body(visit(UUID.randomUUID().toString(), "2020-02-03T20:30:00+08:00"))
        .post("/visits")
        .then()
        .statusCode(404);
    as(OFFICER)
        .body(visit(checkpoint, "2020-02-03T20:30:00+08:00").replace("登记完整，体温枪电量不足", ""))
        .post("/visits")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("findings"));
    as(AUDITOR)
        .body(visit(checkpoint, "2020-02-03T20:30:00+08:00"))
        .post("/visits")
        .then()
        .statusCode(403);
    as(Api.STATION).get("/visits").then().statusCode(403);
  }
}
