package cn.gov.jingyang.ops.cases;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.INVESTIGATOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.cases.verification.Tasks;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import cn.gov.jingyang.ops.testing.SimultaneousWrites;
import cn.gov.jingyang.ops.testing.SimultaneousWrites.Answer;
import cn.gov.jingyang.ops.testing.SimultaneousWrites.Conflict;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 R5: 50 clients read the same version of a case or a verification task and write it at
 * the same instant — one write lands, 49 are refused with 412/409 problem+json, the stored state is
 * the winner's, the version moved on once and one event was appended. A case reported 50 times at
 * once with one Idempotency-Key is one case.
 */
@QuarkusTest
class SimultaneousWritesTest {

  private static final int WRITERS = 50;
  private static final String SUMMARY = "群众举报某药店销售三无口罩";
  private static final String TOWN = "510603-T03";

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  private static String next(String etag) {
    return "\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"";
  }

  private static Conflict onCase(String id, String token, String step, Map<Integer, String> bodies)
      throws Exception {
    return SimultaneousWrites.conflicting(
        WRITERS,
        w -> CaseApiCalls.etag(id),
        (w, ifMatch) -> {
          var request = as(token).header("If-Match", ifMatch).body(bodies.get(w));
          var response =
              step == null
                  ? request.put("/cases/" + id)
                  : request.post("/cases/" + id + "/" + step);
          return Answer.of(response.then().extract());
        });
  }

  private static Map<Integer, String> each(java.util.function.IntFunction<String> body) {
    Map<Integer, String> out = new java.util.HashMap<>();
    for (int w = 0; w < WRITERS; w++) {
      out.put(w, body.apply(w));
    }
    return out;
  }

  @Test
  void shouldLandOneOfFiftySimultaneousCaseEdits() throws Exception {
    String id = CaseApiCalls.reportedCase();
    String json = caseJson("COUNTERFEIT_PROTECTIVE_GOODS", "REPORT", "孝泉镇", "[]");

    Conflict conflict =
        onCase(id, COMMAND, null, each(w -> json.replace(SUMMARY, SUMMARY + "（第" + w + "次核实）")));

    String summary = SUMMARY + "（第" + conflict.soleWinner() + "次核实）";
    as(COMMAND)
        .get("/cases/" + id)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("summary", equalTo(summary));
    List<String> events = new Db(dataSource).events("CaseUpdated", "caseId", id);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    assertThat(JsonPath.from(events.get(0)).getString("data.summary")).isEqualTo(summary);
  }

  @Test
  void shouldLandOneOfFiftySimultaneousTimelineActions() throws Exception {
    String id = CaseApiCalls.reportedCase();

    Conflict conflict = onCase(id, COMMAND, "actions", each(w -> "{\"text\":\"走访第" + w + "户\"}"));

    String text = "走访第" + conflict.soleWinner() + "户";
    as(COMMAND)
        .get("/cases/" + id)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("timeline.findAll { it.kind == 'NOTE' }.text", equalTo(List.of(text)));
    List<String> events = new Db(dataSource).events("CaseActionRecorded", "caseId", id);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    assertThat(JsonPath.from(events.get(0)).getString("data.text")).isEqualTo(text);
  }

  @Test
  void shouldLandOneOfFiftySimultaneousStatusMoves() throws Exception {
    String id = CaseApiCalls.reportedCase();

    Conflict conflict = onCase(id, INVESTIGATOR, "status", each(w -> "{\"status\":\"ACCEPTED\"}"));

    conflict.soleWinner();
    as(COMMAND)
        .get("/cases/" + id)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("status", equalTo("ACCEPTED"));
    List<String> events = new Db(dataSource).events("CaseStatusChanged", "caseId", id);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
  }

  @Test
  void shouldLandOneOfFiftySimultaneousTaskAssignments() throws Exception {
    Db db = new Db(dataSource);
    UUID station = UUID.randomUUID();
    Tasks.cover(kafka.bootstrapServers(), db, station, UUID.randomUUID(), "PS-R5", TOWN);
    String officer = Tasks.stationOfficer(station);
    String task =
        as(officer)
            .body(Tasks.manual(Tasks.idNumber(), TOWN, null))
            .post("/verification-tasks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    Conflict conflict =
        SimultaneousWrites.conflicting(
            WRITERS,
            w -> Tasks.etag(officer, task),
            (w, ifMatch) ->
                Answer.of(
                    as(officer)
                        .header("If-Match", ifMatch)
                        .body(Map.of("assignee", "李强 0512" + (10 + w)))
                        .post("/verification-tasks/" + task + "/assignment")
                        .then()
                        .extract()));

    String assignee = "李强 0512" + (10 + conflict.soleWinner());
    as(officer)
        .get("/verification-tasks/" + task)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("status", equalTo("ASSIGNED"))
        .body("assignee", equalTo(assignee));
    List<String> events = db.events("VerificationTaskAssigned", "taskId", task);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    assertThat(JsonPath.from(events.get(0)).getString("data.assignee")).isEqualTo(assignee);
  }

  @Test
  void shouldReportOneCaseForFiftySimultaneousCopiesWithOneIdempotencyKey() throws Exception {
    String summary = SUMMARY + " " + UUID.randomUUID();
    String body = caseJson("COUNTERFEIT_PROTECTIVE_GOODS", "REPORT", "孝泉镇", "[]");
    String key = UUID.randomUUID().toString();

    Answer reported =
        SimultaneousWrites.identical(
            WRITERS,
            s ->
                Answer.of(
                    as(COMMAND)
                        .header("Idempotency-Key", key)
                        .body(body.replace(SUMMARY, summary))
                        .post("/cases")
                        .then()
                        .extract()));

    assertThat(reported.status()).isEqualTo(201);
    Db db = new Db(dataSource);
    assertThat(db.count("select count(*) from case_file where summary = ?", summary)).isEqualTo(1);
    String id = JsonPath.from(reported.body()).getString("id");
    assertThat(db.events("CaseReported", "caseId", id)).hasSize(1);
  }
}
