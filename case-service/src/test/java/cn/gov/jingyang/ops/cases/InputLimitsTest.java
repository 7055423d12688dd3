package cn.gov.jingyang.ops.cases;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.etag;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.reportedCase;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.cases.casefile.CaseFile;
import cn.gov.jingyang.ops.cases.provincial.ImportResource;
import cn.gov.jingyang.ops.cases.verification.Tasks;
import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every input has a limit the OpenAPI document declares, and the service enforces it: an over-long
 * text, an over-long header or batch id is a 400 problem naming the input, before anything is read
 * or written; a huge page size is capped (the platform's paging rule). A case's lists stop growing
 * at their limit (409).
 */
@QuarkusTest
class InputLimitsTest {

  @Inject DataSource dataSource;

  private static void refused(ValidatableResponse response, String field) {
    response
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  @Test
  void casesRefuseOverLongTextsAndHeadersAndCapHugePages() {
    String summary = "口".repeat(4001);
    refused(
        as(COMMAND)
            .body(caseJson("RUMOUR", "ONLINE", "孝泉镇", "[]").replace("群众举报某药店销售三无口罩", summary))
            .post("/cases")
            .then(),
        "summary");
    // paging is the platform's rule: a larger size is capped, a negative page is the first
    as(COMMAND)
        .queryParam("size", 201)
        .queryParam("page", -1)
        .get("/cases")
        .then()
        .statusCode(200)
        .body("size", equalTo(200))
        .body("page", equalTo(0));
    refused(as(COMMAND).queryParam("q", "口".repeat(201)).get("/cases").then(), "q");
    String id = reportedCase();
    refused(
        as(COMMAND)
            .header("If-Match", "\"" + "1".repeat(70) + "\"")
            .body("{\"status\":\"ACCEPTED\"}")
            .post("/cases/" + id + "/status")
            .then(),
        "ifMatch");
    refused(
        as(COMMAND)
            .body("{\"text\":\"" + "x".repeat(4001) + "\"}")
            .post("/cases/" + id + "/actions")
            .then(),
        "text");
    as(COMMAND).get("/cases/" + id).then().body("version", equalTo(0));
  }

  @Test
  void aCaseWhoseTimelineIsFullTakesNoFurtherChange() throws Exception {
    String id = reportedCase();
    try (Connection c = dataSource.getConnection();
        PreparedStatement fill =
            c.prepareStatement(
                "update case_file set actions = (select jsonb_agg(jsonb_build_object('at',"
                    + " '2020-02-01T10:00:00+08:00', 'author', 'chief', 'kind', 'NOTE', 'text',"
                    + " 'entry ' || n)) from generate_series(1, ?) n) where id = ?::uuid")) {
      fill.setInt(1, CaseFile.MAX_TIMELINE);
      fill.setString(2, id);
      fill.executeUpdate();
    }
    as(COMMAND)
        .body("{\"text\":\"one more\"}")
        .post("/cases/" + id + "/actions")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("timeline"));
    as(COMMAND)
        .header("If-Match", etag(id))
        .body("{\"status\":\"ACCEPTED\"}")
        .post("/cases/" + id + "/status")
        .then()
        .statusCode(409);
    as(COMMAND)
        .get("/cases/" + id)
        .then()
        .body("status", equalTo("REPORTED"))
        .body("timeline.size()", equalTo(CaseFile.MAX_TIMELINE));
  }

  @Test
  void verificationTasksRefuseOverLongTextsAndBadTownCodesAndCapHugePages() {
    refused(
        as(COMMAND)
            .body(
                "{\"name\":\"王芳\",\"idNumber\":\"510603199001011236\",\"note\":\""
                    + "注".repeat(501)
                    + "\"}")
            .post("/verification-tasks")
            .then(),
        "note");
    refused(
        as(COMMAND).queryParam("batch", "b".repeat(65)).get("/verification-tasks").then(), "batch");
    refused(
        as(COMMAND).queryParam("townCode", "孝泉镇").get("/verification-tasks").then(), "townCode");
    as(COMMAND)
        .queryParam("size", 10_000)
        .get("/verification-tasks")
        .then()
        .statusCode(200)
        .body("size", equalTo(200));
    refused(
        as(COMMAND)
            .header("If-Match", "x".repeat(65))
            .body("{\"assignee\":\"李强\"}")
            .post("/verification-tasks/" + UUID.randomUUID() + "/assignment")
            .then(),
        "ifMatch");
  }

  @Test
  void aTaskShowsItsFirstHundredSourcesAndCountsThemAll() {
    String idNumber = Tasks.idNumber();
    String id =
        as(COMMAND)
            .body(Tasks.manual(idNumber, null, null))
            .post("/verification-tasks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    for (int i = 0; i < 100; i++) {
      as(COMMAND)
          .body(Tasks.manual(idNumber, null, null))
          .post("/verification-tasks")
          .then()
          .statusCode(200);
    }
    as(COMMAND)
        .get("/verification-tasks/" + id)
        .then()
        .statusCode(200)
        .body("sourceCount", equalTo(101))
        .body("sources.size()", equalTo(100))
        .body("sources[0].kind", equalTo("MANUAL"));
  }

  @Test
  void coverageRefusesOverLongBatchIdsAndCapsHugePages() {
    refused(
        as(COMMAND).queryParam("batch", "b".repeat(65)).get("/verification-coverage").then(),
        "batch");
    as(COMMAND)
        .queryParam("size", 201)
        .get("/verification-coverage/overdue")
        .then()
        .statusCode(200)
        .body("size", equalTo(200));
  }

  @Test
  void thePersonReplicaRefusesATimeThatIsNone() {
    as(COMMAND)
        .queryParam("at", "2020-02-10T08:00:00+08:00" + "0".repeat(100))
        .get("/personnel/" + UUID.randomUUID() + "/duty-status")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void importsRefuseAnOverLongBatchId() {
    given()
        .auth()
        .oauth2(DevTokens.token("province", Roles.PROVINCIAL_PLATFORM))
        .contentType(ImportResource.NDJSON)
        .queryParam("batchId", "b".repeat(65))
        .body("{}".getBytes(StandardCharsets.UTF_8))
        .post("/imports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("batchId"));
  }
}
