package cn.gov.jingyang.ops.cases.casefile;

import static cn.gov.jingyang.ops.cases.CaseApiCalls.AUDITOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.COMMAND;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.INVESTIGATOR;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.SUSPECT_ID;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.as;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.caseJson;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.etag;
import static cn.gov.jingyang.ops.cases.CaseApiCalls.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.cases.CaseEventsProbe;
import cn.gov.jingyang.ops.cases.verification.Tasks;
import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.pii.Resealer;
import cn.gov.jingyang.ops.testing.Db;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The ID numbers and phones of a case's parties are sealed in case_file.parties, shown in clear
 * only to the roles that see them, converted by the Resealer when written in clear before sealing,
 * and masked on Kafka.
 */
@QuarkusTest
class SealedPartiesTest {

  private static final String PHONE = "13700002345";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject DataSource dataSource;
  @Inject PersonalDataSealing sealing;
  @Inject Resealer resealer;
  @Inject KafkaClients kafka;

  private String reportWith(String person) {
    return report(
            COMMAND,
            caseJson("COUNTERFEIT_PROTECTIVE_GOODS", "REPORT", "孝泉镇", "[]")
                .replace(SUSPECT_ID, person)
                .replace("13800001234", PHONE))
        .body("parties[0].idNumber", equalTo(person))
        .extract()
        .path("id");
  }

  private JsonNode storedParty(String caseId) throws Exception {
    String parties =
        new Db(dataSource)
            .strings("select parties::text from case_file where id = ?::uuid", caseId)
            .get(0);
    assertThat(IdNumbers.inClear(parties)).isEmpty();
    assertThat(parties).doesNotContain(PHONE);
    return JSON.readTree(parties).get(0);
  }

  private void assertClearToInvestigatorsMaskedToAuditors(String caseId, String person) {
    as(INVESTIGATOR)
        .get("/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("parties[0].idNumber", equalTo(person))
        .body("parties[0].phone", equalTo(PHONE));
    as(AUDITOR)
        .get("/cases/" + caseId)
        .then()
        .statusCode(200)
        .body(
            "parties[0].idNumber",
            equalTo(person.substring(0, 6) + "********" + person.substring(14)))
        .body("parties[0].phone", equalTo("137****2345"));
  }

  @Test
  void partiesAreSealedInTheDatabaseAndClearOnlyToRolesThatSeeThem() throws Exception {
    String person = Tasks.idNumber();
    String id = reportWith(person);

    JsonNode party = storedParty(id);
    assertThat(party.get("idNumber").asText()).startsWith("pd1:");
    assertThat(party.get("phone").asText()).startsWith("pd1:");
    assertThat(sealing.open(party.get("idNumber").asText())).isEqualTo(person);
    assertThat(party.get("name").asText()).isEqualTo("刘某");
    assertClearToInvestigatorsMaskedToAuditors(id, person);
  }

  @Test
  void partiesWrittenInClearBeforeSealingAreSealedByTheResealerWithTheCaseUnchanged()
      throws Exception {
    String person = Tasks.idNumber();
    String id = reportWith(person);
    String before = etag(id);
    new Db(dataSource)
        .count(
            "with old as (update case_file set parties = ?::jsonb where id = ?::uuid returning 1)"
                + " select count(*) from old",
            "[{\"name\":\"刘某\",\"idNumber\":\""
                + person
                + "\",\"phone\":\""
                + PHONE
                + "\","
                + "\"role\":\"SUSPECT\"},{\"name\":\"某商店\",\"idNumber\":null,\"phone\":null,"
                + "\"role\":\"RESPONSIBLE_ORGANISATION\"}]",
            id);

    new Db(dataSource)
        .count(
            "with d as (delete from sealed_data where name = ? returning 1) select count(*) from d",
            PartiesResealing.NAME);
    assertThat(resealer.resealAll(sealing)).as("cases converted").isPositive();

    JsonNode party = storedParty(id);
    assertThat(party.get("idNumber").asText()).startsWith("pd1:");
    assertThat(sealing.open(party.get("phone").asText())).isEqualTo(PHONE);
    assertClearToInvestigatorsMaskedToAuditors(id, person);
    as(COMMAND)
        .get("/cases/" + id)
        .then()
        .body("parties[1].name", equalTo("某商店"))
        .body("parties[1].idNumber", equalTo(null));
    assertThat(etag(id)).as("what the case says did not change").isEqualTo(before);
  }

  @Test
  void theCaseEventsOnKafkaHoldNoClearIdNumberOrPhone() {
    String person = Tasks.idNumber();
    try (CaseEventsProbe probe = new CaseEventsProbe(kafka.bootstrapServers())) {
      String id = reportWith(person);
      String value = probe.firstValueOf(new Db(dataSource), id);
      assertThat(value)
          .contains("CaseReported")
          .contains(person.substring(0, 6) + "********" + person.substring(14))
          .contains("137****2345")
          .doesNotContain(person)
          .doesNotContain(PHONE);
      assertThat(IdNumbers.inClear(value)).isEmpty();
    }
  }
}
