package cn.gov.jingyang.ops.cases.verification;

import static cn.gov.jingyang.ops.cases.verification.Tasks.COMMAND;
import static cn.gov.jingyang.ops.cases.verification.Tasks.as;
import static cn.gov.jingyang.ops.cases.verification.Tasks.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The station's work on a task over HTTP: the lifecycle with If-Match, idempotent completion,
 * station scope from the token's unit claim, and escalation to the station's parent unit.
 */
@QuarkusTest
class VerificationTaskApiTest {

  private static final String TOWN = "510603-T14";
  private static final String OTHER_TOWN = "510603-T13";

  @Inject DataSource dataSource;
  @Inject PersonalDataSealing sealing;
  @Inject KafkaClients kafka;
  @Inject TaskEscalation escalation;

  private Db db;
  private UUID station;
  private UUID parent;
  private UUID otherStation;

  @BeforeEach
  void twoStations() {
    db = new Db(dataSource);
    station = UUID.randomUUID();
    parent = UUID.randomUUID();
    otherStation = UUID.randomUUID();
    Tasks.cover(kafka.bootstrapServers(), db, station, parent, "PS-SD", TOWN);
    Tasks.cover(kafka.bootstrapServers(), db, otherStation, parent, "PS-DX", OTHER_TOWN);
  }

  @Test
  void aTaskGoesFromPendingToCompletedWithIfMatchAndItsEvents() {
    String officer = Tasks.stationOfficer(station);
    String id =
        as(officer)
            .body(Tasks.manual(Tasks.idNumber(), TOWN, null))
            .post("/verification-tasks")
            .then()
            .statusCode(201)
            .header("ETag", "\"0\"")
            .body("stationUnitId", equalTo(station.toString()))
            .body("status", equalTo("PENDING"))
            .body("sources[0].kind", equalTo("MANUAL"))
            .extract()
            .path("id");

    String assignment = "{\"assignee\":\"李强 051288\"}";
    as(officer)
        .body(assignment)
        .post("/verification-tasks/" + id + "/assignment")
        .then()
        .statusCode(428);
    as(officer)
        .header("If-Match", "\"7\"")
        .body(assignment)
        .post("/verification-tasks/" + id + "/assignment")
        .then()
        .statusCode(412);
    as(officer)
        .header("If-Match", "\"0\"")
        .body("{\"outcome\":\"NO_RISK\"}")
        .post("/verification-tasks/" + id + "/completion")
        .then()
        .statusCode(409)
        .body("allowed", equalTo(List.of("ASSIGNED")));

    assertThat(move(officer, id, "assignment", assignment)).isEqualTo("\"1\"");
    as(officer)
        .header("If-Match", "\"0\"")
        .body("{}")
        .post("/verification-tasks/" + id + "/visit")
        .then()
        .statusCode(412);
    move(officer, id, "visit", "{\"visitedAt\":\"2020-02-04T10:30:00+08:00\"}");
    String completion = "{\"outcome\":\"HOME_QUARANTINE\",\"note\":\"已落实居家隔离14天\"}";
    String done = move(officer, id, "completion", completion);

    // the same completion again, with the ETag it was first sent with: answered, nothing changes
    as(officer)
        .header("If-Match", "\"2\"")
        .body(completion)
        .post("/verification-tasks/" + id + "/completion")
        .then()
        .statusCode(200)
        .header("ETag", done)
        .body("status", equalTo("COMPLETED"))
        .body("outcome", equalTo("HOME_QUARANTINE"));
    as(officer)
        .header("If-Match", done)
        .body("{\"outcome\":\"NO_RISK\"}")
        .post("/verification-tasks/" + id + "/completion")
        .then()
        .statusCode(409);

    for (String event :
        List.of(
            "VerificationTaskCreated",
            "VerificationTaskAssigned",
            "VerificationTaskVisited",
            "VerificationTaskCompleted")) {
      List<String> events = db.events(event, "taskId", id);
      assertThat(events).as(event).hasSize(1);
      EventContracts.assertValid(events.get(0));
    }
    String completed = db.events("VerificationTaskCompleted", "taskId", id).get(0);
    assertThat(JsonPath.from(completed).getString("data.outcome")).isEqualTo("HOME_QUARANTINE");
  }

  @Test
  void aStationOfficerSeesOnlyTheirStationsTasks() {
    String mine = Tasks.manualTask(TOWN, null);
    String theirs = Tasks.manualTask(OTHER_TOWN, null);
    String officer = Tasks.stationOfficer(station);

    as(officer)
        .get("/verification-tasks?size=200")
        .then()
        .statusCode(200)
        .body("items.stationUnitId", everyItem(equalTo(station.toString())))
        .body("items.id", hasItem(mine))
        .body("items.id", not(hasItem(theirs)));
    as(officer).get("/verification-tasks/" + theirs).then().statusCode(404);
    as(officer)
        .header("If-Match", "\"0\"")
        .body("{\"assignee\":\"李强\"}")
        .post("/verification-tasks/" + theirs + "/assignment")
        .then()
        .statusCode(404);
    as(COMMAND).get("/verification-tasks/" + theirs).then().statusCode(200);
    as(DevTokens.token("no.unit", Roles.STATION_OFFICER))
        .get("/verification-tasks")
        .then()
        .statusCode(403)
        .body("detail", containsString("unit"));
    as(Tasks.AUDITOR)
        .get("/verification-tasks/" + mine)
        .then()
        .statusCode(200)
        .body("idNumber", containsString("********"))
        .body("phone", equalTo("138****1234"));
  }

  @Test
  void theSamePersonEnteredAgainWhileOpenIsASourceOfTheSameTask() {
    String person = Tasks.idNumber();
    String id =
        as(COMMAND)
            .body(Tasks.manual(person, TOWN, null))
            .post("/verification-tasks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(COMMAND)
        .body(Tasks.manual(person, TOWN, null))
        .post("/verification-tasks")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("sources", hasSize(2));
    as(Tasks.stationOfficer(otherStation))
        .body(Tasks.manual(person, OTHER_TOWN, null))
        .post("/verification-tasks")
        .then()
        .statusCode(202)
        .body("effect", equalTo("SOURCE_ADDED"));
    assertThat(
            db.count(
                "select count(*) from verification_task where id_number_lookup = ?",
                sealing.lookup(person)))
        .isEqualTo(1);
    assertThat(db.events("VerificationTaskSourceAdded", "taskId", id)).hasSize(2);
  }

  @Test
  void overdueAndUnreachableTasksAreEscalatedToTheStationsParentOnce() {
    OffsetDateTime now = OffsetDateTime.now();
    String overdue = Tasks.manualTask(TOWN, now.minusHours(1).toString());
    String unreachable = Tasks.manualTask(TOWN, now.plusDays(2).toString());
    String officer = Tasks.stationOfficer(station);
    move(officer, unreachable, "assignment", "{\"assignee\":\"李强\"}");
    move(officer, unreachable, "unreachable", "{\"reason\":\"家中无人\"}");

    escalation.escalateDue(now.plusHours(1));
    assertThat(db.events("VerificationTaskEscalated", "taskId", overdue)).isEmpty();

    escalation.escalateDue(now.plusHours(13));
    as(COMMAND)
        .get("/verification-tasks/" + overdue)
        .then()
        .body("escalatedToUnitId", equalTo(parent.toString()))
        .body("escalationReason", equalTo("OVERDUE"));
    as(COMMAND)
        .get("/verification-tasks/" + unreachable)
        .then()
        .body("escalatedToUnitId", equalTo(parent.toString()))
        .body("escalationReason", equalTo("UNREACHABLE"));
    // the parent unit sees what was escalated to it, not the rest of the station's work
    String parentOfficer = Tasks.stationOfficer(parent);
    as(parentOfficer).get("/verification-tasks/" + overdue).then().statusCode(200);
    String untouched = Tasks.manualTask(TOWN, null);
    as(parentOfficer).get("/verification-tasks/" + untouched).then().statusCode(404);

    escalation.escalateDue(now.plusDays(1));
    List<String> events = db.events("VerificationTaskEscalated", "taskId", overdue);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    EventContracts.assertValid(
        db.events("VerificationTaskUnreachable", "taskId", unreachable).get(0));
  }

  @Test
  void aConcealedExposureOpensOneLinkedCaseAlsoWhenTheCompletionIsRepeated() {
    String officer = Tasks.stationOfficer(station);
    String id = Tasks.manualTask(TOWN, null);
    move(officer, id, "assignment", "{\"assignee\":\"李强\"}");
    String visited = move(officer, id, "visit", "{}");
    String body = "{\"outcome\":\"CONCEALED_EXPOSURE\",\"note\":\"隐瞒武汉旅居史\"}";
    for (int i = 0; i < 3; i++) {
      as(officer)
          .header("If-Match", visited)
          .body(body)
          .post("/verification-tasks/" + id + "/completion")
          .then()
          .statusCode(200)
          .body("outcome", equalTo("CONCEALED_EXPOSURE"));
    }
    assertThat(
            db.strings(
                "select kind || ' ' || source || ' ' || status from case_file"
                    + " where linked_task_id = ?::uuid",
                id))
        .containsExactly("CONCEALMENT_OF_EXPOSURE VERIFICATION REPORTED");
    List<String> reported = db.events("CaseReported", "linkedTaskId", id);
    assertThat(reported).hasSize(1);
    EventContracts.assertValid(reported.get(0));
    assertThat(db.events("VerificationTaskCompleted", "taskId", id)).hasSize(1);
  }
}
