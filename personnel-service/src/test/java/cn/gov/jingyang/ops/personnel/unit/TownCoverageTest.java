package cn.gov.jingyang.ops.personnel.unit;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.createUnit;
import static cn.gov.jingyang.ops.personnel.TestApi.etag;
import static cn.gov.jingyang.ops.personnel.TestApi.unique;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Coverage by gazetteer code (issue 8 §1): any name of a town is stored as its code, a town has one
 * station, and a town moves between stations in one step. The towns used here are named literally:
 * no other test class claims 孝泉 (T10), 和新 (T12), 德新 (T13), 新中 (T15) or 柏隆 (T16), because {@link
 * cn.gov.jingyang.ops.personnel.TestApi#unclaimedTown()} hands those out last.
 */
@QuarkusTest
class TownCoverageTest {

  @Inject DataSource db;

  @Test
  void shouldStoreTheSameCodeWhateverNameOfTheTownIsWritten() {
    String station = createUnit("POLICE_STATION", bureau(), "孝泉");
    as(Roles.COMMAND)
        .get("/units/" + station)
        .then()
        .statusCode(200)
        .body("towns.code", contains("510603-T10"))
        .body("towns.name", contains("孝泉镇"));
    for (String name : List.of("孝泉镇", "孝泉鎮", "510603-T10", "四川省德阳市旌阳区孝泉镇")) {
      as(Roles.INVESTIGATOR)
          .queryParam("town", name)
          .get("/units/coverage")
          .then()
          .statusCode(200)
          .body("id", contains(station));
    }
    admin()
        .body(Map.of("towns", List.of("孝泉鎮", "510603-T10")))
        .header("If-Match", etag("/units/" + station))
        .put("/units/" + station + "/coverage")
        .then()
        .statusCode(200)
        .body("towns.code", contains("510603-T10"));
    JsonPath event = JsonPath.from(validEventsOf(db, station, "UnitCoverageChanged").get(0));
    assertThat(event.getList("data.towns.code")).containsExactly("510603-T10");
    assertThat(validEventsOf(db, station, "UnitCoverageChanged")).hasSize(1);
  }

  @Test
  void shouldRefuseASecondStationNamingTheTownAndTheStationThatCoversIt() {
    String first = createUnit("POLICE_STATION", bureau(), "510603-T12");
    String firstCode = as(Roles.COMMAND).get("/units/" + first).then().extract().path("code");
    String second = createUnit("POLICE_STATION", bureau());
    admin()
        .body(Map.of("towns", List.of("和新鎮")))
        .header("If-Match", etag("/units/" + second))
        .put("/units/" + second + "/coverage")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", containsString("town-already-covered"))
        .body("town.code", equalTo("510603-T12"))
        .body("town.name", equalTo("和新镇"))
        .body("currentStation.id", equalTo(first))
        .body("currentStation.code", equalTo(firstCode))
        .body("detail", containsString(firstCode));
    as(Roles.COMMAND).get("/units/" + second).then().body("towns", empty());
  }

  @Test
  void shouldLetExactlyOneOfTwoConcurrentClaimsWin() throws Exception {
    String a = createUnit("POLICE_STATION", bureau());
    String b = createUnit("POLICE_STATION", bureau());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> claims = new ArrayList<>();
      for (String station : List.of(a, b)) {
        claims.add(
            pool.submit(
                () -> {
                  start.await();
                  return admin()
                      .body(Map.of("towns", List.of("德新")))
                      .header("If-Match", etag("/units/" + station))
                      .put("/units/" + station + "/coverage")
                      .then()
                      .extract()
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> claim : claims) {
        statuses.add(claim.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    as(Roles.COMMAND)
        .queryParam("town", "510603-T13")
        .get("/units/coverage")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1));
    int events =
        validEventsOf(db, a, "UnitCoverageChanged").size()
            + validEventsOf(db, b, "UnitCoverageChanged").size();
    assertThat(events).isEqualTo(1);
  }

  @Test
  void shouldRefuseATownOutsideTheDistrictNamingItsPosition() {
    String station = createUnit("POLICE_STATION", bureau());
    admin()
        .body(Map.of("towns", List.of("510603-T15", "武汉市洪山区")))
        .header("If-Match", etag("/units/" + station))
        .put("/units/" + station + "/coverage")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("towns[1]"));
    admin()
        .body(
            Map.of(
                "code",
                unique("PS"),
                "name",
                "x",
                "kind",
                "POLICE_STATION",
                "parentId",
                bureau(),
                "towns",
                List.of("火星镇")))
        .post("/units")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("towns[0]"));
    as(Roles.COMMAND)
        .queryParam("town", "火星镇")
        .get("/units/coverage")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("town"));
    as(Roles.COMMAND).get("/units/" + station).then().body("towns", empty());
  }

  @Test
  void shouldMoveATownToAnotherStationInOneStepAndTellBoth() {
    String from = createUnit("POLICE_STATION", bureau(), "新中", "柏隆");
    String to = createUnit("POLICE_STATION", bureau());
    as(Roles.COMMAND)
        .header("If-Match", etag("/units/" + to))
        .body(Map.of("town", "新中鎮", "toUnitId", to, "fromUnitId", from))
        .post("/units/coverage/transfers")
        .then()
        .statusCode(200)
        .body("town.code", equalTo("510603-T15"))
        .body("from.id", equalTo(from))
        .body("from.towns.code", contains("510603-T16"))
        .body("to.towns.code", contains("510603-T15"));
    as(Roles.COMMAND)
        .get("/units/coverage?town=510603-T15")
        .then()
        .statusCode(200)
        .body("id", contains(to));

    List<String> fromEvents = validEventsOf(db, from, "UnitCoverageChanged");
    JsonPath released = JsonPath.from(fromEvents.get(fromEvents.size() - 1));
    assertThat(released.getList("data.previousTowns.code"))
        .containsExactly("510603-T15", "510603-T16");
    assertThat(released.getList("data.towns.code")).containsExactly("510603-T16");
    JsonPath taken = JsonPath.from(validEventsOf(db, to, "UnitCoverageChanged").get(0));
    assertThat(taken.getList("data.previousTowns")).isEmpty();
    assertThat(taken.getList("data.towns.code")).containsExactly("510603-T15");
    as(Roles.STATION_OFFICER)
        .body(Map.of("town", "新中", "toUnitId", from))
        .post("/units/coverage/transfers")
        .then()
        .statusCode(403);
  }
}
