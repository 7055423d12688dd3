package cn.gov.jingyang.ops.cases.casefile;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.AUDITOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.CHECKPOINT;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.INVESTIGATOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.STATION;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.SUSPECT_ID;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.UNIT;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.etag;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.move;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.report;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.reportedCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseFileTest {

  @Inject DataSource dataSource;

  @Test
  void aReportedCaseHasANumberALocationThatExistsAndAResolvedTown() {
    ExtractableResponse<Response> created =
        report(STATION, caseJson("COUNTERFEIT_PROTECTIVE_GOODS", "REPORT", "孝泉镇", "[]"))
            .body("number", matchesPattern("JY-2020-\\d{6}"))
            .body("status", equalTo("REPORTED"))
            .body("allowedTransitions", contains("ACCEPTED"))
            .body("townCode", equalTo("510603-T10"))
            .body("townName", equalTo("孝泉镇"))
            .body("reportedBy", equalTo("station.wang"))
            .body("timeline[0].kind", equalTo("REPORTED"))
            .body("timeline[0].author", equalTo("station.wang"))
            .body("parties[0].idNumber", equalTo(SUSPECT_ID))
            .extract();
    String id = created.path("id");
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    String location = created.header("Location");
    assertThat(location).endsWith("/cases/" + id);
    as(INVESTIGATOR).get(location).then().statusCode(200).body("id", equalTo(id));

    // a gazetteer code is accepted as well as a name
    report(COMMAND, caseJson("RUMOUR", "ONLINE", "510603-T11", "[]"))
        .body("townName", equalTo("黄许镇"));

    List<String> events = new Db(dataSource).events("CaseReported", "caseId", id);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    assertThat(events.get(0)).doesNotContain(SUSPECT_ID).doesNotContain("13800001234");
    assertThat(events.get(0)).contains("510603********1234").contains("138****1234");
  }

  @Test
  void aRetriedReportWithItsIdempotencyKeyIsTheSameCase() {
    String key = UUID.randomUUID().toString();
    String body = caseJson("PRICE_GOUGING", "REPORT", "孝泉镇", "[]");
    ExtractableResponse<Response> first =
        as(COMMAND)
            .header("Idempotency-Key", key)
            .body(body)
            .post("/cases")
            .then()
            .statusCode(201)
            .extract();
    ExtractableResponse<Response> again =
        as(COMMAND)
            .header("Idempotency-Key", key)
            .body(body)
            .post("/cases")
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", "true")
            .extract();
    String number = first.path("number");
    String id = first.path("id");
    assertThat(again.<String>path("number")).isEqualTo(number);
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    Db db = new Db(dataSource);
    assertThat(db.count("select count(*) from case_file where number = ?", number)).isEqualTo(1);
    assertThat(db.events("CaseReported", "caseId", id)).hasSize(1);
  }

  @Test
  void anUnknownTownIs422NamingIt() {
    as(COMMAND)
        .body(caseJson("OTHER", "PATROL", "成都市武侯区", "[]"))
        .post("/cases")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("town"));
  }

  @Test
  void anAuditorReadsPartiesMaskedAndWritesNothing() {
    String id = reportedCase();
    as(AUDITOR)
        .get("/cases/" + id)
        .then()
        .statusCode(200)
        .body("parties[0].idNumber", equalTo("510603********1234"))
        .body("parties[0].phone", equalTo("138****1234"))
        .body("parties[0].name", equalTo("刘某"));
    // a role that sees ID numbers and phones masked may not search by them either
    as(AUDITOR)
        .queryParam("q", "510603199001011234")
        .get("/cases")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("q"));
    as(AUDITOR).queryParam("q", "13800001234").get("/cases").then().statusCode(403);
    as(COMMAND).queryParam("q", "510603199001011234").get("/cases").then().statusCode(200);
    as(AUDITOR)
        .body(caseJson("OTHER", "REPORT", "孝泉镇", "[]"))
        .post("/cases")
        .then()
        .statusCode(403);
    as(CHECKPOINT).get("/cases/" + id).then().statusCode(403);
    as(STATION)
        .header("If-Match", etag(id))
        .body("{\"status\":\"ACCEPTED\"}")
        .post("/cases/" + id + "/status")
        .then()
        .statusCode(403);
  }

  @Test
  void anIllegalTransitionIs409NamingTheAllowedOnes() {
    String id = reportedCase();
    move(id, "UNDER_INVESTIGATION", null)
        .statusCode(409)
        .body("type", containsString("illegal-transition"))
        .body("from", equalTo("REPORTED"))
        .body("allowed", contains("ACCEPTED"));
    move(id, "ACCEPTED", null).statusCode(200).body("status", equalTo("ACCEPTED"));
    move(id, "UNDER_INVESTIGATION", null).statusCode(200);
    move(id, "CLOSED", null)
        .statusCode(409)
        .body(
            "allowed",
            contains("ADMINISTRATIVE_PENALTY", "CRIMINAL_CASE_FILED", "MEDIATED", "NO_VIOLATION"));
    move(id, "CRIMINAL_CASE_FILED", null)
        .statusCode(422)
        .body("errors[0].field", equalTo("legalBasis"));
    move(id, "CRIMINAL_CASE_FILED", "刑法第三百三十条")
        .statusCode(200)
        .body("legalBasis", equalTo("刑法第三百三十条"))
        .body("timeline.kind", hasItem("STATUS_CHANGED"))
        .body("timeline[-1].author", equalTo("investigator.li"));
    move(id, "CLOSED", null).statusCode(200).body("allowedTransitions.size()", equalTo(0));
    move(id, "ACCEPTED", null).statusCode(409).body("allowed.size()", equalTo(0));

    Db db = new Db(dataSource);
    List<String> changes = db.events("CaseStatusChanged", "caseId", id);
    assertThat(changes).hasSize(4);
    changes.forEach(EventContracts::assertValid);
  }

  @Test
  void updatesNeedIfMatchAndAStaleOneIs412() {
    String id = reportedCase();
    String body = caseJson("PRICE_GOUGING", "REPORT", "黄许镇", "[]");
    as(COMMAND).body(body).put("/cases/" + id).then().statusCode(428);
    as(COMMAND)
        .body("{\"status\":\"ACCEPTED\"}")
        .post("/cases/" + id + "/status")
        .then()
        .statusCode(428);
    String read = etag(id);
    as(COMMAND)
        .header("If-Match", read)
        .body(body)
        .put("/cases/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("kind", equalTo("PRICE_GOUGING"))
        .body("townCode", equalTo("510603-T11"));
    as(COMMAND)
        .header("If-Match", read)
        .body(body.replace("PRICE_GOUGING", "OTHER"))
        .put("/cases/" + id)
        .then()
        .statusCode(412);
    as(COMMAND)
        .header("If-Match", read)
        .body("{\"text\":\"走访药店\"}")
        .post("/cases/" + id + "/actions")
        .then()
        .statusCode(412);
    as(COMMAND)
        .header("If-Match", read)
        .body("{\"status\":\"ACCEPTED\"}")
        .post("/cases/" + id + "/status")
        .then()
        .statusCode(412);
    as(COMMAND).get("/cases/" + id).then().body("kind", equalTo("PRICE_GOUGING"));
    // the same description again (reportedAt written in another offset): no new version, no event
    as(COMMAND)
        .header("If-Match", "\"1\"")
        .body(body.replace("2020-02-01T10:00:00+08:00", "2020-02-01T02:00:00Z"))
        .put("/cases/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");
    List<String> updates = new Db(dataSource).events("CaseUpdated", "caseId", id);
    assertThat(updates).hasSize(1);
    EventContracts.assertValid(updates.get(0));
  }

  @Test
  void seizuresAndActionsGoIntoTheCaseAndItsTimeline() {
    String id = reportedCase();
    as(INVESTIGATOR)
        .body("{\"item\":\"三无口罩\",\"quantity\":7000,\"unit\":\"只\",\"custodyStatus\":\"HELD\"}")
        .post("/cases/" + id + "/seizures")
        .then()
        .statusCode(200)
        .body("seizures[0].item", equalTo("三无口罩"))
        .body("seizures[0].quantity", equalTo(7000))
        .body("seizures[0].recordedBy", equalTo("investigator.li"))
        .body("timeline[-1].kind", equalTo("SEIZURE_RECORDED"));
    as(INVESTIGATOR)
        .body("{\"item\":\"口罩\",\"quantity\":0,\"unit\":\"只\",\"custodyStatus\":\"HELD\"}")
        .post("/cases/" + id + "/seizures")
        .then()
        .statusCode(400)
        .body("errors[0].field", containsString("quantity"));
    as(COMMAND)
        .body("{\"text\":\"嫌疑人电话 13912345678 已核实\"}")
        .post("/cases/" + id + "/actions")
        .then()
        .statusCode(200)
        .body("timeline[-1].kind", equalTo("NOTE"))
        .body("timeline[-1].author", equalTo("chief"));
    as(AUDITOR)
        .get("/cases/" + id)
        .then()
        .body("timeline[-1].text", equalTo("嫌疑人电话 139****5678 已核实"));
    Db db = new Db(dataSource);
    List<String> seized = db.events("CaseSeizureRecorded", "caseId", id);
    List<String> actions = db.events("CaseActionRecorded", "caseId", id);
    assertThat(seized).hasSize(1);
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0)).doesNotContain("13912345678");
    seized.forEach(EventContracts::assertValid);
    actions.forEach(EventContracts::assertValid);
    as(COMMAND).body("{}").post("/cases/" + UUID.randomUUID() + "/actions").then().statusCode(400);
    as(COMMAND)
        .body("{\"text\":\"x\"}")
        .post("/cases/" + UUID.randomUUID() + "/actions")
        .then()
        .statusCode(404);
  }

  @Test
  void listsFilterByKindStatusUnitPeriodAndText() {
    String marker = "药店" + UUID.randomUUID().toString().substring(0, 8);
    String body =
        caseJson("PRICE_GOUGING", "REPORT", "孝泉镇", "[]")
            .replace("群众举报某药店销售三无口罩", "哄抬价格 " + marker)
            .replace("2020-02-01T10:00:00+08:00", "2020-02-05T23:30:00+08:00");
    String id = report(COMMAND, body).extract().path("id");
    move(id, "ACCEPTED", null).statusCode(200);

    as(AUDITOR)
        .queryParam("q", marker)
        .get("/cases")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(id));
    as(AUDITOR)
        .queryParam("q", marker)
        .queryParam("kind", "PRICE_GOUGING")
        .queryParam("status", "ACCEPTED")
        .queryParam("unitId", UNIT)
        .queryParam("from", "2020-02-05")
        .queryParam("to", "2020-02-05")
        .get("/cases")
        .then()
        .body("total", equalTo(1));
    as(AUDITOR)
        .queryParam("q", marker)
        .queryParam("from", "2020-02-06")
        .get("/cases")
        .then()
        .body("total", equalTo(0));
    as(AUDITOR)
        .queryParam("q", marker)
        .queryParam("status", "REPORTED")
        .get("/cases")
        .then()
        .body("total", equalTo(0));
    as(AUDITOR)
        .queryParam("status", "ACCEPTED")
        .queryParam("size", 200)
        .get("/cases")
        .then()
        .body("items.status", everyItem(equalTo("ACCEPTED")))
        .body("items.id", hasItem(id));
    as(AUDITOR)
        .queryParam("q", "%")
        .queryParam("size", 200)
        .get("/cases")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    as(AUDITOR)
        .queryParam("size", 1)
        .get("/cases")
        .then()
        .body("size", equalTo(1))
        .body("items.size()", equalTo(1));
    as(AUDITOR).queryParam("status", "OPEN").get("/cases").then().statusCode(400);
    as(AUDITOR).queryParam("from", "yesterday").get("/cases").then().statusCode(400);
    as(AUDITOR)
        .queryParam("officerId", "x")
        .get("/cases")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("officerId"));
  }
}
