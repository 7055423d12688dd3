package cn.gov.jingyang.ops.cases;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.cases.verification.Tasks;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import cn.gov.jingyang.ops.testing.WriteOperations;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every state change is an event: each write operation of the live OpenAPI document is exercised
 * and must have appended its event to the outbox, valid against its contract. A new write operation
 * without a scenario here fails the test.
 */
@QuarkusTest
class EveryWriteEmitsAnEventTest {

  private static final String TOWN = "510603-T12";

  /** What a scenario expects in the outbox: an event whose data field has a value. */
  record Expected(String event, String field, String value) {}

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  private Db db;
  private UUID station;
  private String officer;

  private Map<String, Supplier<Expected>> scenarios() {
    Map<String, Supplier<Expected>> s = new LinkedHashMap<>();
    s.put("POST /cases", () -> new Expected("CaseReported", "caseId", CaseApiCalls.reportedCase()));
    s.put("PUT /cases/{id}", this::describe);
    s.put(
        "POST /cases/{id}/status",
        () -> {
          String id = CaseApiCalls.reportedCase();
          CaseApiCalls.move(id, "ACCEPTED", null).statusCode(200);
          return new Expected("CaseStatusChanged", "caseId", id);
        });
    s.put(
        "POST /cases/{id}/officers",
        () -> {
          String id = CaseApiCalls.reportedCase();
          as(COMMAND)
              .body("{\"personId\":\"" + CaseApiCalls.officer(kafka.bootstrapServers()) + "\"}")
              .post("/cases/" + id + "/officers")
              .then()
              .statusCode(200);
          return new Expected("CaseOfficerAssigned", "caseId", id);
        });
    s.put(
        "POST /cases/{id}/seizures",
        () ->
            append(
                "seizures",
                "{\"item\":\"口罩\",\"quantity\":10,\"unit\":\"只\",\"custodyStatus\":\"HELD\"}",
                "CaseSeizureRecorded"));
    s.put(
        "POST /cases/{id}/actions",
        () -> append("actions", "{\"text\":\"走访\"}", "CaseActionRecorded"));
    s.put(
        "POST /verification-tasks",
        () -> new Expected("VerificationTaskCreated", "taskId", Tasks.manualTask(TOWN, null)));
    s.put(
        "POST /verification-tasks/{id}/assignment",
        () -> new Expected("VerificationTaskAssigned", "taskId", assigned()));
    s.put(
        "POST /verification-tasks/{id}/visit",
        () -> new Expected("VerificationTaskVisited", "taskId", visited()));
    s.put("POST /verification-tasks/{id}/unreachable", this::unreachable);
    s.put("POST /verification-tasks/{id}/completion", this::completed);
    s.put("POST /verification-tasks/{id}/route", this::routedByHand);
    s.put("POST /imports", EveryWriteEmitsAnEventTest::imported);
    return s;
  }

  @Test
  void everyWriteOperationAppendsItsEventValidAgainstItsContract() throws Exception {
    db = new Db(dataSource);
    station = UUID.randomUUID();
    Tasks.cover(kafka.bootstrapServers(), db, station, UUID.randomUUID(), "PS-HX2", TOWN);
    officer = Tasks.stationOfficer(station);
    Set<String> writes = WriteOperations.ofLiveApi();
    Map<String, Supplier<Expected>> scenarios = scenarios();

    Set<String> unmapped = new TreeSet<>(writes);
    unmapped.removeAll(scenarios.keySet());
    unmapped.removeAll(WriteOperations.PLATFORM_OPERATIONS);
    assertThat(unmapped).as("write operations without an event scenario").isEmpty();
    assertThat(writes)
        .as("scenarios of operations that no longer exist")
        .containsAll(scenarios.keySet());

    List<String> missing = new ArrayList<>();
    for (var scenario : scenarios.entrySet()) {
      Expected expected = scenario.getValue().get();
      List<String> events = db.events(expected.event(), expected.field(), expected.value());
      if (events.isEmpty()) {
        missing.add(scenario.getKey() + " → " + expected.event());
      }
      events.forEach(EventContracts::assertValid);
    }
    assertThat(missing).as("write operations that appended no event").isEmpty();
  }

  private Expected describe() {
    String id = CaseApiCalls.reportedCase();
    as(COMMAND)
        .header("If-Match", etag(id))
        .body(caseJson("PRICE_GOUGING", "REPORT", "孝泉镇", "[]"))
        .put("/cases/" + id)
        .then()
        .statusCode(200);
    return new Expected("CaseUpdated", "caseId", id);
  }

  /** A one-row list: its task's VerificationTaskCreated and the batch's ProvincialBatchImported. */
  private static Expected imported() {
    String batch = "SC-EVENTS-" + UUID.randomUUID();
    given()
        .auth()
        .oauth2(COMMAND)
        .contentType("application/x-ndjson")
        .queryParam("batchId", batch)
        .body(
            ("{\"name\":\"王芳\",\"idNumber\":\"" + Tasks.idNumber() + "\",\"town\":\"和新镇\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .post("/imports")
        .then()
        .statusCode(201);
    return new Expected("ProvincialBatchImported", "batchId", batch);
  }

  private static Expected append(String what, String body, String event) {
    String id = CaseApiCalls.reportedCase();
    as(COMMAND).body(body).post("/cases/" + id + "/" + what).then().statusCode(200);
    return new Expected(event, "caseId", id);
  }

  private String assigned() {
    String id = Tasks.manualTask(TOWN, null);
    Tasks.move(officer, id, "assignment", "{\"assignee\":\"李强 051288\"}");
    return id;
  }

  private String visited() {
    String id = assigned();
    Tasks.move(officer, id, "visit", "{}");
    return id;
  }

  private Expected unreachable() {
    String id = assigned();
    Tasks.move(officer, id, "unreachable", "{\"reason\":\"家中无人\"}");
    return new Expected("VerificationTaskUnreachable", "taskId", id);
  }

  /** A district-queue task (no town code) that COMMAND routes to the station by hand. */
  private Expected routedByHand() {
    String id = Tasks.manualTask(null, null);
    as(COMMAND)
        .header("If-Match", Tasks.etag(COMMAND, id))
        .body("{\"stationUnitId\":\"" + station + "\"}")
        .post("/verification-tasks/" + id + "/route")
        .then()
        .statusCode(200);
    return new Expected("VerificationTaskRerouted", "taskId", id);
  }

  private Expected completed() {
    String id = visited();
    Tasks.move(officer, id, "completion", "{\"outcome\":\"CONCEALED_EXPOSURE\"}");
    return new Expected("VerificationTaskCompleted", "taskId", id);
  }
}
