package cn.gov.jingyang.ops.checkpoint.inspection;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's object scope: a checkpoint officer records inspections only at checkpoints their unit
 * runs, or where they are on that day's shift.
 */
@QuarkusTest
class RecordingScopeTest {

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private static final OffsetDateTime NOW =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);

  private static String record(String checkpoint, OffsetDateTime at) {
    return Api.inspection(
        UUID.randomUUID(), checkpoint, at.toString(), "川F12345", List.of(Api.clearOccupant()));
  }

  private long stored(String checkpoint) {
    return new Db(dataSource)
        .count(
            "select count(*) from inspection where checkpoint_id = ?", UUID.fromString(checkpoint));
  }

  private static String officerOf(String subject, String unit) {
    return DevTokens.tokenForUnit(subject, unit, Roles.CHECKPOINT_OFFICER);
  }

  @Test
  void anOfficerOfTheUnitThatRunsTheCheckpointRecordsThere() {
    String checkpoint = Api.activeCheckpoint();
    as(OFFICER)
        .body(record(checkpoint, NOW.minusMinutes(5)))
        .post("/inspections")
        .then()
        .statusCode(201);
    as(COMMAND)
        .get("/checkpoints/" + checkpoint)
        .then()
        .statusCode(200)
        .body("unitId", equalTo(Api.UNIT));
  }

  @Test
  void anOfficerOfAnotherUnitOnNoShiftThereIsRefusedNamingTheRule() {
    String checkpoint = Api.activeCheckpoint();
    String otherUnit = UUID.randomUUID().toString();
    as(officerOf("officer.li", otherUnit))
        .body(record(checkpoint, NOW.minusMinutes(5)))
        .post("/inspections")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", containsString("outside-checkpoint-scope"))
        .body("detail", containsString("their unit runs"))
        .body("checkpointId", equalTo(checkpoint));
    // an officer whose token names no unit is confined to their shifts just the same
    as(DevTokens.token("officer.wang", Roles.CHECKPOINT_OFFICER))
        .body(record(checkpoint, NOW.minusMinutes(5)))
        .post("/inspections")
        .then()
        .statusCode(403);
    assertThat(stored(checkpoint)).isZero();
  }

  @Test
  void anOfficerOnThatDaysShiftAtTheCheckpointRecordsThereWhateverTheirUnit() {
    String checkpoint = Api.activeCheckpoint();
    UUID person = Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE");
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(() -> as(COMMAND).get("/personnel/" + person).then().statusCode(200));
    String token = officerOf(person.toString(), UUID.randomUUID().toString());

    as(token)
        .body(record(checkpoint, NOW.minusMinutes(5)))
        .post("/inspections")
        .then()
        .statusCode(403);

    as(COMMAND)
        .body(
            Map.of(
                "checkpointId",
                checkpoint,
                "start",
                NOW.minusMinutes(30).toString(),
                "end",
                NOW.plusMinutes(30).toString(),
                "members",
                List.of(member(person, "LEAD"))))
        .post("/shifts")
        .then()
        .statusCode(201);

    as(token)
        .body(record(checkpoint, NOW.minusMinutes(5)))
        .post("/inspections")
        .then()
        .statusCode(201);
    // that shift is not a shift on another day
    as(token)
        .body(record(checkpoint, NOW.minusDays(2)))
        .post("/inspections")
        .then()
        .statusCode(403)
        .body("type", containsString("outside-checkpoint-scope"));
    // nor at another checkpoint
    String elsewhere = Api.activeCheckpoint();
    as(token)
        .body(record(elsewhere, NOW.minusMinutes(5)))
        .post("/inspections")
        .then()
        .statusCode(403);
    assertThat(stored(checkpoint)).isEqualTo(1);
    assertThat(stored(elsewhere)).isZero();
  }

  @Test
  void aBatchRefusesEachRecordOutsideTheScopeAndStoresTheOthers() {
    String ours = Api.activeCheckpoint();
    String theirs = Api.activeCheckpoint();
    as(COMMAND)
        .header("If-Match", Api.etag("/checkpoints/" + theirs))
        .body(
            Api.checkpointJson("X")
                .replace(Api.UNIT, UUID.randomUUID().toString())
                .replace(
                    "\"code\":\"X\"",
                    "\"code\":\"" + as(COMMAND).get("/checkpoints/" + theirs).path("code") + "\""))
        .put("/checkpoints/" + theirs)
        .then()
        .statusCode(200);

    JsonPath result =
        as(OFFICER)
            .body(
                Api.batch(
                    List.of(
                        record(ours, NOW.minusMinutes(5)),
                        record(theirs, NOW.minusMinutes(5)),
                        record(ours, NOW.minusMinutes(4)))))
            .post("/inspections/batch")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(result.getList("results.outcome")).containsExactly("CREATED", "REJECTED", "CREATED");
    assertThat(result.getInt("results[1].problem.status")).isEqualTo(403);
    assertThat(result.getString("results[1].problem.type")).contains("outside-checkpoint-scope");
    assertThat(stored(ours)).isEqualTo(2);
    assertThat(stored(theirs)).isZero();
  }
}
