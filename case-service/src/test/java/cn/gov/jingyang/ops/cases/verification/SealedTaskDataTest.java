package cn.gov.jingyang.ops.cases.verification;

import static cn.gov.jingyang.ops.cases.verification.Tasks.AUDITOR;
import static cn.gov.jingyang.ops.cases.verification.Tasks.COMMAND;
import static cn.gov.jingyang.ops.cases.verification.Tasks.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.cases.CaseEventsProbe;
import cn.gov.jingyang.ops.cases.provincial.ImportResource;
import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.pii.Resealer;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task's ID number and phone are sealed at rest: the database holds only sealed text and the
 * lookup, the API still answers the clear values to the roles that see them, the same person still
 * joins their open task, rows written in clear before sealing are converted by the Resealer and
 * stay usable, and no event on Kafka holds a clear number.
 */
@QuarkusTest
class SealedTaskDataTest {

  private static final String TOWN = "510603-T15";
  private static final String PHONE = "13800001234";

  @Inject DataSource dataSource;
  @Inject PersonalDataSealing sealing;
  @Inject Resealer resealer;
  @Inject KafkaClients kafka;

  private Db db;
  private UUID station;

  @BeforeEach
  void aStation() {
    db = new Db(dataSource);
    station = UUID.randomUUID();
    Tasks.cover(kafka.bootstrapServers(), db, station, UUID.randomUUID(), "PS-SEAL", TOWN);
  }

  private Object[] stored(String taskId) {
    return db.rows(
            "select id_number, phone, id_number_lookup from verification_task where id = ?::uuid",
            taskId)
        .get(0);
  }

  private void assertSealed(String taskId, String idNumber) {
    Object[] row = stored(taskId);
    assertThat((String) row[0]).startsWith("pd1:").doesNotContain(idNumber);
    assertThat((String) row[1]).startsWith("pd1:").doesNotContain(PHONE);
    assertThat(row[2]).isEqualTo(sealing.lookup(idNumber));
    assertThat(IdNumbers.inClear(Arrays.toString(row))).isEmpty();
    assertThat(sealing.open((String) row[0])).isEqualTo(idNumber);
    assertThat(sealing.open((String) row[1])).isEqualTo(PHONE);
  }

  @Test
  void aTaskEnteredThroughTheApiIsSealedInTheDatabaseAndClearOnlyToRolesThatSeeIt() {
    String person = Tasks.idNumber();
    String id =
        as(COMMAND)
            .body(Tasks.manual(person, TOWN, null))
            .post("/verification-tasks")
            .then()
            .statusCode(201)
            .body("idNumber", equalTo(person))
            .body("phone", equalTo(PHONE))
            .extract()
            .path("id");

    assertSealed(id, person);
    as(Tasks.stationOfficer(station))
        .get("/verification-tasks/" + id)
        .then()
        .statusCode(200)
        .body("idNumber", equalTo(person))
        .body("phone", equalTo(PHONE));
    as(AUDITOR)
        .get("/verification-tasks/" + id)
        .then()
        .statusCode(200)
        .body("idNumber", equalTo(person.substring(0, 6) + "********" + person.substring(14)))
        .body("phone", equalTo("138****1234"));
  }

  @Test
  void theSamePersonJoinsTheirOpenTaskThroughTheLookupWhateverTheCaseOfX() {
    String person = idNumberEndingInX();
    String id =
        as(COMMAND)
            .body(Tasks.manual(person, TOWN, null))
            .post("/verification-tasks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(COMMAND)
        .body(Tasks.manual(" " + person.toLowerCase() + " ", TOWN, null))
        .post("/verification-tasks")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("sourceCount", equalTo(2));
    assertThat(
            db.count(
                "select count(*) from verification_task where id_number_lookup = ?",
                sealing.lookup(person)))
        .isEqualTo(1);
  }

  @Test
  void tasksWrittenInClearBeforeSealingAreSealedByTheResealerAndStayUsable() throws Exception {
    String person = Tasks.idNumber();
    String id =
        db.strings(
                "insert into verification_task (id_number, person_name, phone, town, town_code,"
                    + " station_unit_id, first_source, due_at, created_by)"
                    + " values (?, '旧任务', ?, '黄许镇', ?, ?, 'PROVINCIAL_LIST',"
                    + " now() + interval '1 day', 'provincial') returning id::text",
                person,
                PHONE,
                TOWN,
                station)
            .get(0);
    String batch = "SEAL-OLD-" + UUID.randomUUID();
    String oldKey = "PROVINCIAL_LIST:" + batch + ":" + person;
    db.strings(
        "insert into verification_task_source (task_id, kind, source_key, batch_id, added_by)"
            + " values (?::uuid, 'PROVINCIAL_LIST', ?, ?, 'provincial') returning source_key",
        id,
        oldKey,
        batch);

    // the Resealer walks a column again only if not completed with the active key: as at the
    // first start after the upgrade
    db.count(
        "with d as (delete from sealed_data where name in (?, ?, ?) returning 1)"
            + " select count(*) from d",
        "verification_task.id_number",
        "verification_task.phone",
        ProvincialSourceKeys.NAME);
    assertThat(resealer.resealAll(sealing)).isGreaterThanOrEqualTo(3);

    assertSealed(id, person);
    assertThat(
            db.strings(
                "select source_key from verification_task_source where task_id = ?::uuid", id))
        .containsExactly(SourceRef.provincialKeyPrefix(batch) + sealing.lookup(person));
    as(COMMAND)
        .get("/verification-tasks/" + id)
        .then()
        .statusCode(200)
        .body("idNumber", equalTo(person))
        .body("phone", equalTo(PHONE));
    // found again by the lookup the Resealer filled: the person joins the converted task
    as(COMMAND)
        .body(Tasks.manual(person, TOWN, null))
        .post("/verification-tasks")
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    // and the converted source key still makes the same list entry a duplicate
    String again = "{\"name\":\"旧任务\",\"idNumber\":\"" + person + "\",\"town\":\"黄许镇\"}";
    given()
        .auth()
        .oauth2(COMMAND)
        .contentType(ImportResource.NDJSON)
        .queryParam("batchId", batch)
        .body(again.getBytes(StandardCharsets.UTF_8))
        .post("/imports")
        .then()
        .statusCode(201)
        .body("tasksCreated", equalTo(0))
        .body("sourcesAdded", equalTo(0));
  }

  @Test
  void noEventOnKafkaHoldsAClearIdNumberOrPhone() {
    String person = Tasks.idNumber();
    try (CaseEventsProbe probe = new CaseEventsProbe(kafka.bootstrapServers())) {
      String id =
          as(COMMAND)
              .body(Tasks.manual(person, TOWN, null))
              .post("/verification-tasks")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      String value = probe.firstValueOf(db, id);
      assertThat(value)
          .contains("VerificationTaskCreated")
          .contains(person.substring(0, 6) + "********" + person.substring(14))
          .doesNotContain(person)
          .doesNotContain(PHONE);
      assertThat(IdNumbers.inClear(value)).isEmpty();
    }
  }

  private static String idNumberEndingInX() {
    String id;
    do {
      id = Tasks.idNumber();
    } while (!id.endsWith("X"));
    return id;
  }
}
