package cn.gov.jingyang.ops.cases.casefile;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.AUDITOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.INVESTIGATOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.STATION;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.etag;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.knownUnit;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.move;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.officer;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.report;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The four cases of the seed, told through the API from report to their final status. */
@QuarkusTest
class SeedCasesTest {

  @Inject KafkaClients kafka;

  private static String body(
      String kind,
      String source,
      String summary,
      String reportedAt,
      String town,
      String partners,
      String officers,
      String parties) {
    return """
        {"kind":"%s","source":"%s","summary":"%s","reportedAt":"%s","town":"%s","leadUnitId":"%s",
         "partnerAgencies":%s,"officers":%s,"parties":%s}"""
        .formatted(
            kind, source, summary, reportedAt, town, knownUnit(), partners, officers, parties);
  }

  private static void walk(String id, String outcome, String legalBasis) {
    move(id, "ACCEPTED", null).statusCode(200);
    move(id, "UNDER_INVESTIGATION", null).statusCode(200);
    move(id, outcome, legalBasis).statusCode(200).body("status", equalTo(outcome));
  }

  private static void note(String id, String text, String at) {
    as(INVESTIGATOR)
        .body("{\"text\":\"" + text + "\",\"at\":\"" + at + "\"}")
        .post("/cases/" + id + "/actions")
        .then()
        .statusCode(200);
  }

  @Test
  void sevenThousandCounterfeitMasksSeizedWithMarketRegulation() {
    String id =
        report(
                STATION,
                body(
                    "COUNTERFEIT_PROTECTIVE_GOODS",
                    "REPORT",
                    "群众举报某商店销售三无口罩",
                    "2020-01-30T10:00:00+08:00",
                    "旌阳街道",
                    "[\"市场监督管理局\"]",
                    "[]",
                    "[{\"name\":\"某商贸公司\",\"role\":\"RESPONSIBLE_ORGANISATION\"}]"))
            .extract()
            .path("id");
    walk(id, "ADMINISTRATIVE_PENALTY", null);
    as(INVESTIGATOR)
        .body("{\"item\":\"三无口罩\",\"quantity\":7000,\"unit\":\"只\",\"custodyStatus\":\"HELD\"}")
        .post("/cases/" + id + "/seizures")
        .then()
        .statusCode(200);
    move(id, "CLOSED", null).statusCode(200);
    as(AUDITOR)
        .get("/cases/" + id)
        .then()
        .body("status", equalTo("CLOSED"))
        .body("partnerAgencies", contains("市场监督管理局"))
        .body("seizures[0].quantity", equalTo(7000))
        .body("seizures[0].unit", equalTo("只"));
  }

  @Test
  void twoRumourSpreadersFoundTheNextDayWithTheCyberPolice() {
    UUID officer = officer(kafka.bootstrapServers());
    String id =
        report(
                COMMAND,
                body(
                    "RUMOUR",
                    "ONLINE",
                    "网民在微信群散布疫情谣言",
                    "2020-02-03T20:00:00+08:00",
                    "城南街道",
                    "[\"网安大队\"]",
                    "[\"" + officer + "\"]",
                    "[{\"name\":\"王某\",\"role\":\"SUSPECT\"},{\"name\":\"赵某\",\"role\":\"SUSPECT\"}]"))
            .extract()
            .path("id");
    walk(id, "ADMINISTRATIVE_PENALTY", null);
    note(id, "会同网安大队查获造谣者二人", "2020-02-04T18:00:00+08:00");
    move(id, "CLOSED", null).statusCode(200);
    as(AUDITOR)
        .get("/cases/" + id)
        .then()
        .body("status", equalTo("CLOSED"))
        .body("parties.size()", equalTo(2))
        .body("partnerAgencies", contains("网安大队"))
        .body("timeline.text", hasItem("会同网安大队查获造谣者二人"))
        .body("timeline.text", hasItem("UNDER_INVESTIGATION → ADMINISTRATIVE_PENALTY"));
  }

  @Test
  void aConcealedTripWithOneInfectionThreeObservedAndACriminalFiling() {
    String id =
        report(
                STATION,
                body(
                    "CONCEALMENT_OF_EXPOSURE",
                    "VERIFICATION",
                    "居民隐瞒武汉旅居史",
                    "2020-02-02T09:00:00+08:00",
                    "城北街道",
                    "[\"卫健局\"]",
                    "[]",
                    "[{\"name\":\"陈某\",\"idNumber\":\"510603199001010021\",\"role\":\"SUSPECT\"}]"))
            .extract()
            .path("id");
    String description =
        """
        {"kind":"CONCEALMENT_OF_EXPOSURE","summary":"居民隐瞒武汉旅居史，致1人确诊、3人医学观察","reportedAt":"2020-02-02T09:00:00+08:00",
         "town":"510603-T02","leadUnitId":"%s","partnerAgencies":["卫健局"],
         "parties":[{"name":"陈某","idNumber":"510603199001010021","role":"SUSPECT"}],
         "impact":{"confirmedInfections":1,"underMedicalObservation":3,"compoundsSealed":1,"buildingsSealed":1}}"""
            .formatted(knownUnit());
    as(INVESTIGATOR)
        .header("If-Match", etag(id))
        .body(description)
        .put("/cases/" + id)
        .then()
        .statusCode(200);
    walk(id, "CRIMINAL_CASE_FILED", "刑法第三百三十条 妨害传染病防治罪");
    move(id, "CLOSED", null).statusCode(200);
    as(AUDITOR)
        .get("/cases/" + id)
        .then()
        .body("status", equalTo("CLOSED"))
        .body("legalBasis", equalTo("刑法第三百三十条 妨害传染病防治罪"))
        .body("impact.confirmedInfections", equalTo(1))
        .body("impact.underMedicalObservation", equalTo(3))
        .body("impact.compoundsSealed", equalTo(1))
        .body("impact.buildingsSealed", equalTo(1));
  }

  @Test
  void aFactoryObstructedSettledByMediationAndReopenedFourDaysLater() {
    String id =
        report(
                COMMAND,
                body(
                    "OBSTRUCTING_EPIDEMIC_CONTROL",
                    "REPORT",
                    "村民阻挠防控人员，阻止食品厂复工",
                    "2020-02-09T09:00:00+08:00",
                    "孝感镇",
                    "[\"镇政府\"]",
                    "[]",
                    "[{\"name\":\"某村村民\",\"role\":\"SUSPECT\"},{\"name\":\"某食品厂\",\"role\":\"VICTIM\"}]"))
            .extract()
            .path("id");
    note(id, "法制教育并组织协商", "2020-02-10T10:00:00+08:00");
    walk(id, "MEDIATED", null);
    note(id, "食品厂复工", "2020-02-13T08:00:00+08:00");
    move(id, "CLOSED", null).statusCode(200);
    List<String> texts =
        as(AUDITOR)
            .get("/cases/" + id)
            .then()
            .body("status", equalTo("CLOSED"))
            .extract()
            .path("timeline.text");
    org.assertj.core.api.Assertions.assertThat(texts)
        .contains("UNDER_INVESTIGATION → MEDIATED", "食品厂复工");
  }
}
