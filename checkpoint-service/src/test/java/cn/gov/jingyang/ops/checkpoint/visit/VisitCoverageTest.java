package cn.gov.jingyang.ops.checkpoint.visit;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "The deputy commissar visited every checkpoint every evening" as a query: demo-like checkpoints,
 * a deputy chief's evening round, a morning visit that does not count.
 */
@QuarkusTest
class VisitCoverageTest {

  @Inject KafkaClients kafka;

  private UUID deputyChief() {
    UUID person = Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE");
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(() -> as(COMMAND).get("/personnel/" + person).then().statusCode(200));
    return person;
  }

  private static void visit(String body) {
    as(OFFICER).body(body).post("/visits").then().statusCode(201);
  }

  private static List<String> ids(JsonPath coverage, String list) {
    return coverage.getList(list + ".checkpointId", String.class);
  }

  @Test
  void coverageListsExactlyTheCheckpointsVisitedThatEvening() {
    String hx = Api.activeCheckpoint();
    String xq = Api.activeCheckpoint();
    String sf = Api.activeCheckpoint();
    String morningOnly = Api.activeCheckpoint();
    String unvisited = Api.activeCheckpoint();
    String plannedOnly = Api.plannedCheckpoint();
    String activatedLater = Api.plannedCheckpoint();
    as(COMMAND)
        .body("{\"status\":\"ACTIVE\"}")
        .post("/checkpoints/" + activatedLater + "/status")
        .then()
        .statusCode(200);
    UUID deputy = deputyChief();

    visit(VisitTest.visit(hx, deputy, "2020-02-06T19:10:00+08:00"));
    visit(VisitTest.visit(xq, deputy, "2020-02-06T20:05:00+08:00"));
    visit(VisitTest.visit(sf, deputy, "2020-02-06T23:40:00+08:00"));
    visit(VisitTest.foreignVisit(sf, "2020-02-06T21:00:00+08:00"));
    visit(VisitTest.visit(morningOnly, deputy, "2020-02-06T09:30:00+08:00"));
    // the evening before and the night after do not count for 6 February
    visit(VisitTest.visit(unvisited, deputy, "2020-02-05T22:00:00+08:00"));
    visit(VisitTest.visit(unvisited, deputy, "2020-02-07T00:00:00+08:00"));

    JsonPath coverage =
        as(AUDITOR)
            .queryParam("date", "2020-02-06")
            .get("/visits/coverage")
            .then()
            .statusCode(200)
            .body("date", equalTo("2020-02-06"))
            .body("eveningFrom", equalTo("2020-02-06T18:00:00+08:00"))
            .body("eveningTo", equalTo("2020-02-07T00:00:00+08:00"))
            .extract()
            .jsonPath();

    List<String> mine = List.of(hx, xq, sf, morningOnly, unvisited, plannedOnly, activatedLater);
    assertThat(ids(coverage, "covered"))
        .filteredOn(mine::contains)
        .containsExactlyInAnyOrder(hx, xq, sf);
    assertThat(ids(coverage, "notCovered"))
        .filteredOn(mine::contains)
        .containsExactlyInAnyOrder(morningOnly, unvisited);

    List<Map<String, Object>> sfVisits =
        coverage.getList("covered.find { it.checkpointId == '" + sf + "' }.visits");
    assertThat(sfVisits)
        .extracting(v -> v.get("leaderName"), v -> v.get("leaderAgency"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("副局长 王强", "市场监督管理局"),
            org.assertj.core.groups.Tuple.tuple("张伟", null));
    assertThat(
            coverage.getString(
                "covered.find { it.checkpointId == '" + hx + "' }.visits[0].leaderId"))
        .isEqualTo(deputy.toString());
    assertThat(
            coverage.getList("notCovered.find { it.checkpointId == '" + unvisited + "' }.visits"))
        .isEmpty();
  }

  @Test
  void theDateIsTypedAndDefaultsToTodayInShanghai() {
    as(OFFICER)
        .get("/visits/coverage")
        .then()
        .statusCode(200)
        .body("date", equalTo(LocalDate.now(DistrictDays.ZONE).toString()));
    as(COMMAND)
        .queryParam("date", "06/02/2020")
        .get("/visits/coverage")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("date"));
  }
}
