package cn.gov.jingyang.ops.cases.casefile;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.AUDITOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.UNIT;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.etag;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.officer;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.report;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.unitRegistered;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An investigator sees the cases their unit leads and those they are assigned to; any other case is
 * 404 to them by id, on reads and changes, and absent from their lists. COMMAND and AUDITOR see
 * all.
 */
@QuarkusTest
class InvestigatorScopeTest {

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  @Test
  void anInvestigatorReachesTheirUnitsCasesAndTheirAssignedOnesOnly() {
    String otherUnit = registeredUnit();
    UUID wu = officer(kafka.bootstrapServers());
    // the investigator Wu: token subject = their person id, claim unit = UNIT
    String investigator = DevTokens.tokenForUnit(wu.toString(), UNIT, Roles.INVESTIGATOR);
    String marker = marker();

    String ownUnits = reportCase(marker, UNIT, "[]");
    String assigned = reportCase(marker, otherUnit, "[\"" + wu + "\"]");
    String other = reportCase(marker, otherUnit, "[]");

    as(investigator).get("/cases/" + ownUnits).then().statusCode(200);
    as(investigator).get("/cases/" + assigned).then().statusCode(200);
    as(investigator)
        .get("/cases/" + other)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as(investigator)
        .queryParam("q", marker)
        .get("/cases")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.id", containsInAnyOrder(ownUnits, assigned));
    as(investigator)
        .queryParam("q", marker)
        .queryParam("unitId", otherUnit)
        .get("/cases")
        .then()
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(assigned));

    // changes to the other unit's case are 404 too, before any If-Match check; nothing changes
    String body = caseJson("OTHER", "REPORT", "孝泉镇", "[]").replace(UNIT, otherUnit);
    as(investigator)
        .header("If-Match", etag(other))
        .body(body)
        .put("/cases/" + other)
        .then()
        .statusCode(404);
    as(investigator)
        .header("If-Match", "\"99\"")
        .body("{\"status\":\"ACCEPTED\"}")
        .post("/cases/" + other + "/status")
        .then()
        .statusCode(404);
    as(investigator)
        .body("{\"text\":\"查看\"}")
        .post("/cases/" + other + "/actions")
        .then()
        .statusCode(404);
    as(investigator)
        .body("{\"personId\":\"" + wu + "\"}")
        .post("/cases/" + other + "/officers")
        .then()
        .statusCode(404);
    as(investigator)
        .body("{\"item\":\"口罩\",\"quantity\":1,\"unit\":\"只\",\"custodyStatus\":\"HELD\"}")
        .post("/cases/" + other + "/seizures")
        .then()
        .statusCode(404);
    as(COMMAND)
        .get("/cases/" + other)
        .then()
        .statusCode(200)
        .body("version", equalTo(0))
        .body("kind", equalTo("RUMOUR"));

    // on the assigned case of the other unit the investigator works as on their own
    as(investigator)
        .body("{\"text\":\"走访现场\"}")
        .post("/cases/" + assigned + "/actions")
        .then()
        .statusCode(200)
        .body("timeline[-1].author", equalTo(wu.toString()));

    // COMMAND and AUDITOR see all three
    for (String token : new String[] {COMMAND, AUDITOR}) {
      as(token).queryParam("q", marker).get("/cases").then().body("total", equalTo(3));
    }

    // once command assigns Wu, the other case is theirs too
    as(COMMAND)
        .body("{\"personId\":\"" + wu + "\"}")
        .post("/cases/" + other + "/officers")
        .then()
        .statusCode(200);
    as(investigator).get("/cases/" + other).then().statusCode(200);
    as(investigator).queryParam("q", marker).get("/cases").then().body("total", equalTo(3));
  }

  @Test
  void anInvestigatorWhoseTokenNamesNoUnitAndNoPersonSeesNoCase() {
    String marker = marker();
    String id = reportCase(marker, UNIT, "[]");
    String nobody = DevTokens.token("investigator.zhao", Roles.INVESTIGATOR);
    as(nobody).get("/cases/" + id).then().statusCode(404);
    as(nobody)
        .queryParam("q", marker)
        .get("/cases")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  private static String reportCase(String marker, String unit, String officers) {
    String body =
        caseJson("RUMOUR", "ONLINE", "孝泉镇", officers)
            .replace("群众举报某药店销售三无口罩", marker)
            .replace(UNIT, unit);
    return report(COMMAND, body).extract().path("id");
  }

  /** Letters only: a search text with no digits, so never taken for an ID number or phone. */
  private static String marker() {
    StringBuilder m = new StringBuilder("scope");
    for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
      m.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
    }
    return m.toString();
  }

  /** A unit personnel-service registered, other than {@code CaseApiCalls.UNIT}. */
  private String registeredUnit() {
    String unit = UUID.randomUUID().toString();
    unitRegistered(unit, "JY-" + unit.substring(0, 8));
    Db db = new Db(dataSource);
    await()
        .atMost(Duration.ofSeconds(45))
        .until(
            () -> db.count("select count(*) from routing_unit where unit_id = ?::uuid", unit) == 1);
    return unit;
  }
}
