package cn.gov.jingyang.ops.cases.casefile;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.UNIT;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.etag;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.reportedCase;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.unitRegistered;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A case's lead unit must be a unit personnel-service registered (the routing replica's). */
@QuarkusTest
class LeadUnitTest {

  @Test
  void anUnknownLeadUnitIs422NamingLeadUnitIdUntilPersonnelRegistersIt() {
    String unit = UUID.randomUUID().toString();
    String body = caseJson("RUMOUR", "ONLINE", "孝泉镇", "[]").replace(UNIT, unit);
    as(COMMAND)
        .body(body)
        .post("/cases")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("leadUnitId"))
        .body("errors[0].message", containsString(unit));
    String id = reportedCase();
    as(COMMAND)
        .header("If-Match", etag(id))
        .body(body)
        .put("/cases/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("leadUnitId"));
    as(COMMAND)
        .get("/cases/" + id)
        .then()
        .body("leadUnitId", equalTo(UNIT))
        .body("version", equalTo(0));

    unitRegistered(unit, "JY-" + unit.substring(0, 8));
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .body(body)
                    .post("/cases")
                    .then()
                    .statusCode(201)
                    .body("leadUnitId", equalTo(unit)));
    as(COMMAND)
        .header("If-Match", etag(id))
        .body(body)
        .put("/cases/" + id)
        .then()
        .statusCode(200)
        .body("leadUnitId", equalTo(unit));
    // a case whose lead unit is kept as it was is updated as before
    as(COMMAND)
        .header("If-Match", etag(id))
        .body(body.replace("RUMOUR", "OTHER"))
        .put("/cases/" + id)
        .then()
        .statusCode(200)
        .body("kind", equalTo("OTHER"));
  }
}
