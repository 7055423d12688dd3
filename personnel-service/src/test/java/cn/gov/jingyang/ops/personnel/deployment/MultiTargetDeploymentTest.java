package cn.gov.jingyang.ops.personnel.deployment;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.createUnit;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The seed's scene: the traffic brigade sends 51 officers and 10 auxiliaries to several checkpoints
 * and police stations at once, as one deployment. Ending it needs If-Match.
 */
@QuarkusTest
class MultiTargetDeploymentTest {

  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject DataSource db;

  private static Map<String, Object> target(String kind, String id) {
    return Map.of("kind", kind, "id", id);
  }

  private static Map<String, Object> deployment(
      String from, List<Map<String, Object>> targets, List<String> people) {
    Map<String, Object> body = new HashMap<>();
    body.put("fromUnitId", from);
    body.put("targets", targets);
    body.put("task", "卡点值守 and household verification");
    body.put("startsOn", TODAY.minusDays(2).toString());
    body.put("personIds", people);
    body.put("policeCount", 51);
    body.put("auxiliaryCount", 10);
    return body;
  }

  @Test
  void oneDeploymentGoesToStationsAndCheckpointsWithItsHeadcountSplit() {
    String bureau = bureau();
    String brigade = createUnit("BRIGADE", bureau);
    String station = createUnit("POLICE_STATION", bureau);
    String otherStation = createUnit("POLICE_STATION", bureau);
    String checkpoint = UUID.randomUUID().toString();
    String otherCheckpoint = UUID.randomUUID().toString();
    String officer = register("POLICE_OFFICER", brigade);
    String auxiliary = register("AUXILIARY_POLICE", brigade);
    List<Map<String, Object>> targets =
        List.of(
            target("CHECKPOINT", checkpoint),
            target("UNIT", station),
            target("CHECKPOINT", otherCheckpoint),
            target("UNIT", otherStation));

    var created =
        admin()
            .body(deployment(brigade, targets, List.of(officer, auxiliary)))
            .post("/deployments")
            .then()
            .statusCode(201)
            .header("ETag", "\"0\"")
            .body("headcount", equalTo(61))
            .body("policeCount", equalTo(51))
            .body("auxiliaryCount", equalTo(10))
            .body("targets.size()", equalTo(4))
            .body("targets[0].kind", equalTo("CHECKPOINT"))
            .body("toUnitId", equalTo(station))
            .extract();
    String id = created.path("id");

    as(Roles.STATION_OFFICER)
        .get("/deployments?unitId=" + otherStation + "&when=CURRENT")
        .then()
        .statusCode(200)
        .body("items.id", contains(id));
    as(Roles.COMMAND)
        .get("/deployments?checkpointId=" + otherCheckpoint)
        .then()
        .body("items.id", contains(id));
    as(Roles.COMMAND).get("/deployments?unitId=" + brigade).then().body("items.id", contains(id));

    List<String> started = validEventsOf(db, id, "DeploymentStarted");
    assertThat(started).hasSize(1);
    JsonPath event = JsonPath.from(started.get(0));
    assertThat(event.getList("data.targets.id"))
        .containsExactly(checkpoint, station, otherCheckpoint, otherStation);
    assertThat(event.getInt("data.policeCount")).isEqualTo(51);
    assertThat(event.getInt("data.auxiliaryCount")).isEqualTo(10);
    assertThat(event.getInt("data.headcount")).isEqualTo(61);

    // ending needs the version read
    admin()
        .body(Map.of("endedOn", TODAY.toString()))
        .post("/deployments/" + id + "/end")
        .then()
        .statusCode(428);
    admin()
        .header("If-Match", "\"5\"")
        .body(Map.of("endedOn", TODAY.toString()))
        .post("/deployments/" + id + "/end")
        .then()
        .statusCode(412);
    String etag = as(Roles.COMMAND).get("/deployments/" + id).then().extract().header("ETag");
    admin()
        .header("If-Match", etag)
        .body(Map.of("endedOn", TODAY.toString(), "note", "checkpoints handed to the stations"))
        .post("/deployments/" + id + "/end")
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");
    List<String> ended = validEventsOf(db, id, "DeploymentEnded");
    assertThat(ended).hasSize(1);
    JsonPath end = JsonPath.from(ended.get(0));
    assertThat(end.getList("data.targets.kind"))
        .containsExactly("CHECKPOINT", "UNIT", "CHECKPOINT", "UNIT");
    assertThat(end.getInt("data.policeCount")).isEqualTo(51);
  }

  @Test
  void aDeploymentToCheckpointsOnlyHasNoToUnitAndTheOldSingleTargetFormStillWorks() {
    String bureau = bureau();
    String brigade = createUnit("BRIGADE", bureau);
    String station = createUnit("POLICE_STATION", bureau);
    admin()
        .body(
            deployment(
                brigade, List.of(target("CHECKPOINT", UUID.randomUUID().toString())), List.of()))
        .post("/deployments")
        .then()
        .statusCode(201)
        .body("toUnitId", nullValue())
        .body("targets[0].kind", equalTo("CHECKPOINT"));

    Map<String, Object> old = new HashMap<>();
    old.put("fromUnitId", brigade);
    old.put("toUnitId", station);
    old.put("task", "household verification");
    old.put("startsOn", TODAY.toString());
    old.put("headcount", 12);
    admin()
        .body(old)
        .post("/deployments")
        .then()
        .statusCode(201)
        .body("toUnitId", equalTo(station))
        .body("targets", equalTo(List.of(Map.of("kind", "UNIT", "id", station))))
        .body("headcount", equalTo(12))
        .body("policeCount", nullValue());
  }

  @Test
  void badTargetsAndHeadcountsAreRefusedNamingTheField() {
    String bureau = bureau();
    String brigade = createUnit("BRIGADE", bureau);
    String station = createUnit("POLICE_STATION", bureau);
    String cp = UUID.randomUUID().toString();
    admin()
        .body(deployment(brigade, List.of(target("UNIT", UUID.randomUUID().toString())), List.of()))
        .post("/deployments")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("targets[0].id"));
    admin()
        .body(
            deployment(
                brigade, List.of(target("CHECKPOINT", cp), target("CHECKPOINT", cp)), List.of()))
        .post("/deployments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("targets[1]"));
    admin()
        .body(deployment(brigade, List.of(target("UNIT", brigade)), List.of()))
        .post("/deployments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("targets[0]"));
    Map<String, Object> both = deployment(brigade, List.of(target("UNIT", station)), List.of());
    both.put("toUnitId", station);
    admin()
        .body(both)
        .post("/deployments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("toUnitId"));
    Map<String, Object> none = deployment(brigade, List.of(), List.of());
    admin()
        .body(none)
        .post("/deployments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("targets"));
    Map<String, Object> wrongSum = deployment(brigade, List.of(target("UNIT", station)), List.of());
    wrongSum.put("headcount", 70);
    admin()
        .body(wrongSum)
        .post("/deployments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("headcount"));
    Map<String, Object> tooFewPolice =
        deployment(
            brigade,
            List.of(target("UNIT", station)),
            List.of(register("POLICE_OFFICER", brigade), register("POLICE_OFFICER", brigade)));
    tooFewPolice.put("policeCount", 1);
    tooFewPolice.put("auxiliaryCount", 0);
    admin()
        .body(tooFewPolice)
        .post("/deployments")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("policeCount"));
  }

  @Test
  void twoWritersEndingTheSameVersionCannotBothSucceed() throws Exception {
    String bureau = bureau();
    String brigade = createUnit("BRIGADE", bureau);
    String station = createUnit("POLICE_STATION", bureau);
    String id =
        admin()
            .body(deployment(brigade, List.of(target("UNIT", station)), List.of()))
            .post("/deployments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    var pool = Executors.newFixedThreadPool(2);
    var start = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (String note : List.of("first", "second")) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return admin()
                    .header("If-Match", "\"0\"")
                    .body(Map.of("endedOn", TODAY.toString(), "note", note))
                    .post("/deployments/" + id + "/end")
                    .then()
                    .extract()
                    .statusCode();
              }));
    }
    start.countDown();
    List<Integer> codes = new ArrayList<>();
    for (Future<Integer> f : answers) {
      codes.add(f.get(30, TimeUnit.SECONDS));
    }
    pool.shutdownNow();
    assertThat(codes).containsExactlyInAnyOrder(200, 412);
    assertThat(validEventsOf(db, id, "DeploymentEnded")).hasSize(1);
  }
}
