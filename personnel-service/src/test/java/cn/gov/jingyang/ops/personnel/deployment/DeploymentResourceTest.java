package cn.gov.jingyang.ops.personnel.deployment;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.createUnit;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.unclaimedTown;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeploymentResourceTest {

  @Inject DataSource db;

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  private static Map<String, Object> deployment(
      String from, String to, List<String> people, Integer headcount) {
    Map<String, Object> body = new HashMap<>();
    body.put("fromUnitId", from);
    body.put("toUnitId", to);
    body.put("task", "household verification");
    body.put("startsOn", TODAY.minusDays(3).toString());
    body.put("personIds", people);
    if (headcount != null) {
      body.put("headcount", headcount);
    }
    return body;
  }

  @Test
  void shouldSendATeamAndListItAsCurrentThenPast() {
    String bureau = bureau();
    String brigade = createUnit("BRIGADE", bureau);
    String station = createUnit("POLICE_STATION", bureau, unclaimedTown());
    String a = register("POLICE_OFFICER", brigade);
    String b = register("AUXILIARY_POLICE", brigade);

    String id =
        admin()
            .body(deployment(brigade, station, List.of(a, b), 61))
            .post("/deployments")
            .then()
            .statusCode(201)
            .body("headcount", equalTo(61))
            .body("current", equalTo(true))
            .extract()
            .path("id");

    as(Roles.STATION_OFFICER)
        .get("/deployments?unitId=" + station + "&when=CURRENT")
        .then()
        .statusCode(200)
        .body("items.id", contains(id));
    as(Roles.COMMAND).get("/deployments?personId=" + b).then().body("items.id", contains(id));
    as(Roles.COMMAND)
        .get("/deployments?unitId=" + brigade + "&when=PAST")
        .then()
        .body("total", equalTo(0));

    admin()
        .header("If-Match", "\"0\"")
        .body(Map.of("endedOn", TODAY.toString(), "note", "checks completed"))
        .post("/deployments/" + id + "/end")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("current", equalTo(false));
    as(Roles.COMMAND)
        .get("/deployments?unitId=" + station + "&when=CURRENT")
        .then()
        .body("total", equalTo(0));
    as(Roles.COMMAND)
        .get("/deployments?personId=" + a + "&when=PAST")
        .then()
        .body("items.id", contains(id));
    admin()
        .header("If-Match", "\"1\"")
        .body(Map.of("endedOn", TODAY.toString()))
        .post("/deployments/" + id + "/end")
        .then()
        .statusCode(409);

    assertThat(validEventsOf(db, id, "DeploymentStarted")).hasSize(1);
    List<String> ended = validEventsOf(db, id, "DeploymentEnded");
    assertThat(ended).hasSize(1);
    assertThat(JsonPath.from(ended.get(0)).getList("data.personIds"))
        .containsExactlyInAnyOrder(a, b);
  }

  @Test
  void shouldRefuseUnknownUnitsAndPeopleAndEmptyDeployments() {
    String bureau = bureau();
    String station = createUnit("POLICE_STATION", bureau);
    admin()
        .body(deployment(UUID.randomUUID().toString(), station, List.of(), 5))
        .post("/deployments")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("fromUnitId"));
    admin()
        .body(deployment(bureau, station, List.of(UUID.randomUUID().toString()), null))
        .post("/deployments")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("personIds[0]"));
    admin()
        .body(deployment(bureau, station, List.of(), null))
        .post("/deployments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("personIds"));
    admin()
        .body(deployment(station, station, List.of(), 3))
        .post("/deployments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("toUnitId"));
  }

  @Test
  void shouldRefuseCountsAndTextOverTheirDeclaredLimitsNamingTheField() {
    String bureau = bureau();
    String station = createUnit("POLICE_STATION", bureau);
    Map<String, Object> huge = deployment(bureau, station, List.of(), 5001);
    huge.put("task", "核".repeat(501));
    admin()
        .body(huge)
        .post("/deployments")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("headcount", "task"));
    as(Roles.COMMAND)
        .get("/deployments?unitId=" + station)
        .then()
        .statusCode(200)
        .body("total", equalTo(0));

    String id =
        admin()
            .body(deployment(bureau, station, List.of(), 5000))
            .post("/deployments")
            .then()
            .statusCode(201)
            .body("headcount", equalTo(5000))
            .extract()
            .path("id");
    admin()
        .header("If-Match", "W/" + "\"0\"".repeat(30))
        .body(Map.of("endedOn", TODAY.toString()))
        .post("/deployments/" + id + "/end")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("ifMatch"));
    as(Roles.COMMAND).get("/deployments/" + id).then().body("endedOn", equalTo(null));
  }

  @Test
  void shouldShowDeploymentsToStationsButNotToCheckpointOfficers() {
    as(Roles.CHECKPOINT_OFFICER).get("/deployments").then().statusCode(403);
    as(Roles.STATION_OFFICER)
        .get("/deployments?size=500")
        .then()
        .statusCode(200)
        .body("size", equalTo(200));
    as(Roles.STATION_OFFICER)
        .body(deployment(bureau(), bureau(), List.of(), 1))
        .post("/deployments")
        .then()
        .statusCode(403);
  }
}
