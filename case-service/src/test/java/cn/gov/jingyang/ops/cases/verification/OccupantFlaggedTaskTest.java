package cn.gov.jingyang.ops.cases.verification;

import static cn.gov.jingyang.ops.cases.verification.Tasks.COMMAND;
import static cn.gov.jingyang.ops.cases.verification.Tasks.WAIT;
import static cn.gov.jingyang.ops.cases.verification.Tasks.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.testing.Db;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * checkpoint's OccupantFlagged becomes one household-verification task at the station covering the
 * traveller's destination town, whatever the redeliveries; a second flag of the same person while
 * it is open is a source more on that task.
 */
@QuarkusTest
class OccupantFlaggedTaskTest {

  /** The station of personnel's UnitCoverageChanged example (黄许, covering 孝泉镇 510603-T10). */
  private static final UUID EXAMPLE_STATION =
      UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

  private static final String EXAMPLE_OCCUPANT = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject DataSource dataSource;
  @Inject PersonalDataSealing sealing;
  @Inject KafkaClients kafka;

  private Db db;

  @BeforeEach
  void routingFromPersonnelsExamples() throws Exception {
    db = new Db(dataSource);
    for (String name : List.of("UnitRegistered", "UnitCoverageChanged")) {
      ObjectNode event = (ObjectNode) JSON.readTree(EventContracts.example("personnel", name));
      event.put("id", UUID.randomUUID().toString());
      TopicProbe.send(
          kafka.bootstrapServers(),
          "personnel.events",
          event.get("subject").asText(),
          event.toString());
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                db.count(
                        "select count(*) from routing_town where town_code = '510603-T10'"
                            + " and station_unit_id = ?",
                        EXAMPLE_STATION)
                    == 1);
  }

  private String taskOfOccupant(String occupantId) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                db.count(
                        "select count(*) from verification_task_source where occupant_id = ?::uuid",
                        occupantId)
                    > 0);
    return db.strings(
            "select task_id::text from verification_task_source where occupant_id = ?::uuid",
            occupantId)
        .get(0);
  }

  @Test
  void theContractsExampleOpensOneTaskAtTheStationCoveringItsTownEvenDeliveredTwice() {
    String example = EventContracts.example("checkpoint", "OccupantFlagged");
    String key = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    TopicProbe.send(kafka.bootstrapServers(), "checkpoint.events", key, example);
    TopicProbe.send(kafka.bootstrapServers(), "checkpoint.events", key, example);
    String task = taskOfOccupant(EXAMPLE_OCCUPANT);

    as(COMMAND)
        .get("/verification-tasks/" + task)
        .then()
        .statusCode(200)
        .body("stationUnitId", equalTo(EXAMPLE_STATION.toString()))
        .body("townCode", equalTo("510603-T10"))
        .body("idNumber", equalTo("420106199001011231"))
        .body("sources[0].kind", equalTo("CHECKPOINT_FLAG"))
        .body("sources[0].inspectionId", equalTo(key))
        .body("sources[0].occupantId", equalTo(EXAMPLE_OCCUPANT));
    as(Tasks.stationOfficer(EXAMPLE_STATION))
        .get("/verification-tasks/" + task)
        .then()
        .statusCode(200);

    // the same flag again under a new event id (a re-publication): still the one source
    ObjectNode again = Tasks.flag("420106199001011231", "510603-T10");
    ((ObjectNode) again.get("data")).put("inspectionId", key).put("occupantId", EXAMPLE_OCCUPANT);
    again.put("subject", key);
    Tasks.publish(kafka.bootstrapServers(), again);
    // a marker behind it on the same key (same partition): once it is applied, so are both above
    ObjectNode marker = Tasks.flag(Tasks.idNumber(), "510603-T10");
    marker.put("subject", key);
    Tasks.publish(kafka.bootstrapServers(), marker);
    taskOfOccupant(marker.get("data").get("occupantId").asText());

    assertThat(
            db.count(
                "select count(*) from verification_task_source where occupant_id = ?::uuid",
                EXAMPLE_OCCUPANT))
        .isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from verification_task where id_number_lookup = ?"
                    + " and status <> 'COMPLETED'",
                sealing.lookup("420106199001011231")))
        .isEqualTo(1);
    List<String> created = db.events("VerificationTaskCreated", "taskId", task);
    assertThat(created).hasSize(1);
    EventContracts.assertValid(created.get(0));
    JsonPath event = JsonPath.from(created.get(0));
    assertThat(event.getString("data.idNumber")).isEqualTo("420106********1231");
    assertThat(event.getString("data.stationUnitId")).isEqualTo(EXAMPLE_STATION.toString());
    assertThat(created.get(0)).doesNotContain("13900005678", "420106199001011231");
  }

  @Test
  void aSecondFlagOfTheSamePersonWhileOpenAddsASource() {
    String person = Tasks.idNumber();
    ObjectNode first = Tasks.flag(person, "510603-T10");
    ObjectNode second = Tasks.flag(person, "510603-T10");
    Tasks.publish(kafka.bootstrapServers(), first);
    String task = taskOfOccupant(first.get("data").get("occupantId").asText());
    Tasks.publish(kafka.bootstrapServers(), second);
    assertThat(taskOfOccupant(second.get("data").get("occupantId").asText())).isEqualTo(task);

    as(COMMAND)
        .get("/verification-tasks/" + task)
        .then()
        .statusCode(200)
        .body("sources", hasSize(2))
        .body("sources[1].occupantId", equalTo(second.get("data").get("occupantId").asText()));
    assertThat(
            db.count(
                "select count(*) from verification_task where id_number_lookup = ?",
                sealing.lookup(person)))
        .isEqualTo(1);
    List<String> added = db.events("VerificationTaskSourceAdded", "taskId", task);
    assertThat(added).hasSize(1);
    EventContracts.assertValid(added.get(0));
  }

  @Test
  void aTownThatDidNotResolveGoesToTheDistrictQueue() {
    ObjectNode flag = Tasks.flag(Tasks.idNumber(), null);
    Tasks.publish(kafka.bootstrapServers(), flag);
    String task = taskOfOccupant(flag.get("data").get("occupantId").asText());
    as(COMMAND)
        .get("/verification-tasks/" + task)
        .then()
        .statusCode(200)
        .body("stationUnitId", nullValue())
        .body("townCode", nullValue());
    as(Tasks.stationOfficer(EXAMPLE_STATION))
        .get("/verification-tasks/" + task)
        .then()
        .statusCode(404);
    String created = db.events("VerificationTaskCreated", "taskId", task).get(0);
    assertThat(JsonPath.from(created).getBoolean("data.routed")).isFalse();
    EventContracts.assertValid(created);
  }

  @Test
  void aSealedFlagGivesTheTaskTheOpenedValuesStoredSealed() {
    String person = Tasks.idNumber();
    ObjectNode flag = Tasks.flag(person, "510603-T10");
    assertThat(flag.toString()).doesNotContain(person).doesNotContain(Tasks.FLAGGED_PHONE);
    Tasks.publish(kafka.bootstrapServers(), flag);
    String task = taskOfOccupant(flag.get("data").get("occupantId").asText());

    as(COMMAND)
        .get("/verification-tasks/" + task)
        .then()
        .statusCode(200)
        .body("idNumber", equalTo(person))
        .body("phone", equalTo(Tasks.FLAGGED_PHONE));
    Object[] stored =
        db.rows(
                "select id_number, phone, id_number_lookup from verification_task"
                    + " where id = ?::uuid",
                task)
            .get(0);
    assertThat((String) stored[0]).startsWith("pd1:");
    assertThat((String) stored[1]).startsWith("pd1:");
    assertThat(stored[2]).isEqualTo(sealing.lookup(person));
    assertThat(IdNumbers.inClear(Arrays.toString(stored))).isEmpty();
  }

  @Test
  void aFlagPublishedBeforeSealingIsTakenAndTheSamePersonSealedJoinsIt() {
    String person = Tasks.idNumber();
    ObjectNode old = Tasks.clearFlag(person, "510603-T10");
    TopicProbe.send(
        kafka.bootstrapServers(), "checkpoint.events", old.get("subject").asText(), old.toString());
    String task = taskOfOccupant(old.get("data").get("occupantId").asText());
    as(COMMAND)
        .get("/verification-tasks/" + task)
        .then()
        .statusCode(200)
        .body("idNumber", equalTo(person))
        .body("phone", equalTo(Tasks.FLAGGED_PHONE));
    assertThat(db.strings("select id_number from verification_task where id = ?::uuid", task))
        .allSatisfy(stored -> assertThat(stored).startsWith("pd1:"));

    ObjectNode sealed = Tasks.flag(person, "510603-T10");
    Tasks.publish(kafka.bootstrapServers(), sealed);
    assertThat(taskOfOccupant(sealed.get("data").get("occupantId").asText())).isEqualTo(task);
  }

  @Test
  void aSealedValueThatDoesNotOpenIsPoisonNotATask() {
    ObjectNode bad = Tasks.flag(Tasks.idNumber(), "510603-T10");
    String sealed = bad.get("data").get("idNumberSealed").asText();
    // the last characters of the tag changed: authentication fails
    ((ObjectNode) bad.get("data"))
        .put("idNumberSealed", sealed.substring(0, sealed.length() - 4) + "AAAA");
    Tasks.publish(kafka.bootstrapServers(), bad);
    // a good flag behind it on the same key: once it is a task, the bad one was dealt with
    ObjectNode marker = Tasks.flag(Tasks.idNumber(), "510603-T10");
    marker.put("subject", bad.get("subject").asText());
    Tasks.publish(kafka.bootstrapServers(), marker);
    taskOfOccupant(marker.get("data").get("occupantId").asText());
    assertThat(
            db.count(
                "select count(*) from verification_task_source where occupant_id = ?::uuid",
                bad.get("data").get("occupantId").asText()))
        .isZero();
  }
}
