package cn.gov.jingyang.ops.personnel.unit;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.createUnit;
import static cn.gov.jingyang.ops.personnel.TestApi.etag;
import static cn.gov.jingyang.ops.personnel.TestApi.unclaimedTown;
import static cn.gov.jingyang.ops.personnel.TestApi.unique;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnitResourceTest {

  @Inject DataSource db;

  @Test
  void shouldBuildTheTreeAndPublishWhichTownsAStationCovers() {
    String bureau = bureau();
    String brigade = createUnit("BRIGADE", bureau);
    String town = unclaimedTown();
    String station = createUnit("POLICE_STATION", bureau, town);

    as(Roles.CHECKPOINT_OFFICER)
        .get("/units?parentId=" + bureau)
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.id", containsInAnyOrder(brigade, station));
    as(Roles.INVESTIGATOR)
        .get("/units/coverage?town=" + town)
        .then()
        .statusCode(200)
        .body("id", contains(station));

    String otherTown = unclaimedTown();
    admin()
        .body(Map.of("towns", List.of(town, otherTown)))
        .header("If-Match", etag("/units/" + station))
        .put("/units/" + station + "/coverage")
        .then()
        .statusCode(200)
        .body("towns.code", containsInAnyOrder(town, otherTown));

    List<String> events = validEventsOf(db, station, "UnitCoverageChanged");
    assertThat(events).hasSize(2);
    JsonPath changed = JsonPath.from(events.get(1));
    assertThat(changed.getList("data.previousTowns.code")).containsExactly(town);
    assertThat(changed.getList("data.towns.code")).containsExactlyInAnyOrder(town, otherTown);
  }

  @Test
  void shouldNotPublishAnythingWhenTheCoverageDoesNotChange() {
    String town = unclaimedTown();
    String station = createUnit("POLICE_STATION", bureau(), town);
    admin()
        .body(Map.of("towns", List.of(town)))
        .header("If-Match", etag("/units/" + station))
        .put("/units/" + station + "/coverage")
        .then()
        .statusCode(200);
    assertThat(validEventsOf(db, station, "UnitCoverageChanged")).hasSize(1);
  }

  @Test
  void shouldRefuseAnUnknownParentUnit() {
    admin()
        .body(
            Map.of(
                "code",
                unique("PS"),
                "name",
                "柏隆派出所",
                "kind",
                "POLICE_STATION",
                "parentId",
                UUID.randomUUID().toString()))
        .post("/units")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("parentId"));
    as(Roles.COMMAND).get("/units/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void shouldRefuseTownsForAUnitThatIsNoPoliceStation() {
    String brigade = createUnit("BRIGADE", bureau());
    admin()
        .body(Map.of("towns", List.of("黃許鎮")))
        .header("If-Match", etag("/units/" + brigade))
        .put("/units/" + brigade + "/coverage")
        .then()
        .statusCode(409)
        .body("type", org.hamcrest.Matchers.endsWith("not-a-police-station"));
  }

  @Test
  void shouldRefuseInputOverItsDeclaredLimitsNamingTheField() {
    String code = unique("PS");
    admin()
        .body(
            Map.of(
                "code",
                code,
                "name",
                "派".repeat(201),
                "kind",
                "POLICE_STATION",
                "parentId",
                bureau(),
                "towns",
                java.util.Collections.nCopies(51, "黃許鎮")))
        .post("/units")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", org.hamcrest.Matchers.hasItems("name", "towns"));
    // nothing was written: the code is still free
    admin()
        .body(Map.of("code", code, "name", "黃許派出所", "kind", "BUREAU"))
        .post("/units")
        .then()
        .statusCode(201);

    as(Roles.COMMAND)
        .queryParam("town", "鎮".repeat(101))
        .get("/units/coverage")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("town"));
  }

  @Test
  void shouldRefuseADuplicateCodeAndAnUnknownKind() {
    String code = unique("BR");
    admin()
        .body(Map.of("code", code, "name", "刑警大隊", "kind", "BUREAU"))
        .post("/units")
        .then()
        .statusCode(201);
    admin()
        .body(Map.of("code", code, "name", "again", "kind", "BUREAU"))
        .post("/units")
        .then()
        .statusCode(409);
    admin()
        .body(Map.of("code", unique("X"), "name", "x", "kind", "SPACESHIP"))
        .post("/units")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("kind"));
  }

  @Test
  void shouldLetOnlyThePersonnelOfficeChangeUnits() {
    Map<String, Object> body = Map.of("code", unique("B"), "name", "分局", "kind", "BUREAU");
    as(Roles.COMMAND).body(body).post("/units").then().statusCode(403);
    as(Roles.CHECKPOINT_OFFICER).body(body).post("/units").then().statusCode(403);
    given().contentType("application/json").body(body).post("/units").then().statusCode(401);
    as(Roles.PROVINCIAL_PLATFORM).get("/units").then().statusCode(403);
    as(Roles.AUDITOR).get("/units").then().statusCode(200);
  }
}
