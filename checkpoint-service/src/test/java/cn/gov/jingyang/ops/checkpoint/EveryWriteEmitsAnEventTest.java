package cn.gov.jingyang.ops.checkpoint;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.etag;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import cn.gov.jingyang.ops.testing.WriteOperations;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).truncatedTo(ChronoUnit.HOURS);

  /** What a scenario expects in the outbox: an event whose data field has a value. */
  record Expected(String event, String field, String value) {}

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  private Db db;

  private Map<String, Supplier<Expected>> scenarios() {
    Map<String, Supplier<Expected>> s = new LinkedHashMap<>();
    s.put(
        "POST /checkpoints",
        () -> new Expected("CheckpointRegistered", "checkpointId", Api.plannedCheckpoint()));
    s.put("PUT /checkpoints/{id}", this::describeCheckpoint);
    s.put(
        "POST /checkpoints/{id}/status",
        () -> new Expected("CheckpointStatusChanged", "checkpointId", Api.activeCheckpoint()));
    s.put("POST /inspections", () -> inspect(false));
    s.put("POST /inspections/batch", () -> inspect(true));
    s.put("POST /visits", this::visit);
    s.put("POST /shifts", () -> new Expected("ShiftScheduled", "shiftId", scheduleShift()));
    s.put("POST /shifts/{id}/members", this::reinforce);
    s.put("POST /shifts/{id}/cancellation", () -> shiftMove("cancellation", "ShiftCancelled"));
    s.put("POST /shifts/{id}/start", () -> shiftMove("start", "ShiftStarted"));
    s.put("POST /shifts/{id}/end", this::endShift);
    s.put("PUT /risk-rules", this::changeRiskRules);
    return s;
  }

  @Test
  void everyWriteOperationAppendsItsEventValidAgainstItsContract() throws Exception {
    db = new Db(dataSource);
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

  private Expected describeCheckpoint() {
    String id = Api.plannedCheckpoint();
    String etag = as(COMMAND).get("/checkpoints/" + id).then().extract().header("ETag");
    as(COMMAND)
        .header("If-Match", etag)
        .body(Api.checkpointJson(code(id)).replace("旌阳公安分局", "旌阳交警大队"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(200);
    List<String> events = db.events("CheckpointUpdated", "checkpointId", id);
    assertThat(events).hasSize(1);
    assertThat(JsonPath.from(events.get(0)).getString("data.leadAgency")).isEqualTo("旌阳交警大队");
    assertThat(JsonPath.from(events.get(0)).getString("data.changedBy")).isEqualTo("chief");
    return new Expected("CheckpointUpdated", "checkpointId", id);
  }

  private static String code(String checkpointId) {
    return as(COMMAND).get("/checkpoints/" + checkpointId).then().extract().path("code");
  }

  private Expected inspect(boolean batch) {
    String checkpoint = Api.activeCheckpoint();
    UUID record = UUID.randomUUID();
    String inspection =
        Api.inspection(
            record,
            checkpoint,
            "2020-02-03T09:00:00+08:00",
            "川F12345",
            List.of(Api.clearOccupant()));
    if (batch) {
      as(OFFICER)
          .body(Api.batch(List.of(inspection)))
          .post("/inspections/batch")
          .then()
          .statusCode(200);
    } else {
      as(OFFICER).body(inspection).post("/inspections").then().statusCode(201);
    }
    return new Expected("InspectionRecorded", "clientRecordId", record.toString());
  }

  private Expected visit() {
    String body =
        """
        {"checkpointId":"%s","leaderName":"副局长 王强","leaderAgency":"市场监督管理局","visitedAt":"2020-02-03T20:30:00+08:00","findings":"登记完整"}"""
            .formatted(Api.activeCheckpoint());
    String id = as(OFFICER).body(body).post("/visits").then().statusCode(201).extract().path("id");
    return new Expected("SupervisoryVisitRecorded", "visitId", id);
  }

  private UUID available() {
    UUID person = Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE");
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/personnel/" + person)
                    .then()
                    .statusCode(200)
                    .body("dutyStatus", equalTo("AVAILABLE")));
    return person;
  }

  private String scheduleShift() {
    Map<String, Object> body =
        Map.of(
            "checkpointId",
            Api.activeCheckpoint(),
            "start",
            BASE.toString(),
            "end",
            BASE.plusHours(12).toString(),
            "members",
            List.of(member(available(), "LEAD")));
    return as(COMMAND).body(body).post("/shifts").then().statusCode(201).extract().path("id");
  }

  private Expected reinforce() {
    String shift = scheduleShift();
    as(COMMAND)
        .body(member(available(), "MEMBER"))
        .header("If-Match", etag("/shifts/" + shift))
        .post("/shifts/" + shift + "/members")
        .then()
        .statusCode(200);
    return new Expected("ShiftReinforced", "shiftId", shift);
  }

  private Expected shiftMove(String move, String event) {
    String shift = scheduleShift();
    String body = move.equals("cancellation") ? "{\"reason\":\"卡点合并\"}" : "{}";
    as(COMMAND)
        .header("If-Match", etag("/shifts/" + shift))
        .body(body)
        .post("/shifts/" + shift + "/" + move)
        .then()
        .statusCode(200);
    return new Expected(event, "shiftId", shift);
  }

  /** The rules in force again, as a new version (the other tests expect the defaults). */
  private Expected changeRiskRules() {
    var read = as(COMMAND).get("/risk-rules").then().statusCode(200).extract();
    JsonPath rules = read.jsonPath();
    Map<String, Object> body =
        Map.of(
            "regions",
            rules.getList("regions"),
            "temperatureThreshold",
            rules.getString("temperatureThreshold"),
            "symptoms",
            rules.getList("symptoms"),
            "reason",
            "confirmed unchanged after the provincial meeting");
    int version =
        as(COMMAND)
            .header("If-Match", read.header("ETag"))
            .body(body)
            .put("/risk-rules")
            .then()
            .statusCode(200)
            .extract()
            .path("version");
    return new Expected("RiskRulesChanged", "version", String.valueOf(version));
  }

  private Expected endShift() {
    String shift = shiftMove("start", "ShiftStarted").value();
    as(COMMAND).body("{}").post("/shifts/" + shift + "/end").then().statusCode(200);
    return new Expected("ShiftEnded", "shiftId", shift);
  }
}
