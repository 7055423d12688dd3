package cn.gov.jingyang.ops.checkpoint.inspection;

import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The destination town is resolved against the gazetteer when an inspection is recorded, and every
 * occupant who needs a follow-up (flagged by the rules or sent home/to health by the officer) is an
 * OccupantFlagged carrying the town's code.
 */
@QuarkusTest
class DestinationTownTest {

  private static final String AT = "2020-02-03T09:15:00+08:00";
  private static final String XIAOQUAN = "510603-T10";

  @Inject DataSource dataSource;
  @Inject PersonalDataSealing sealing;

  private static String occupant(
      String idNumber, String province, double temperature, String town, String result) {
    return """
        {"name":"王芳","idNumber":"%s","phone":"13900005678","originProvince":"%s","originCity":"某市",
         "stayedInRiskArea":false,"temperature":%s,"symptoms":[],"destinationTown":"%s",
         "destinationAddress":"%s民主村3组12号","result":"%s"}"""
        .formatted(idNumber, province, temperature, town, town, result);
  }

  private static String record(String... occupants) {
    return Api.inspection(
        UUID.randomUUID(), Api.activeCheckpoint(), AT, "川F·12345", List.of(occupants));
  }

  private JsonPath onlyFlag(String inspectionId) {
    List<String> flags = new Db(dataSource).events("OccupantFlagged", "inspectionId", inspectionId);
    assertThat(flags).hasSize(1);
    EventContracts.assertValid(flags.get(0));
    return JsonPath.from(flags.get(0));
  }

  @Test
  void aTravellerBoundForXiaoquanInTraditionalScriptIsFlaggedWithXiaoquansCode() {
    String body = record(occupant(Api.idNumber(), "湖北省", 37.9, "孝泉鎮", "HOME_QUARANTINE"));
    String id =
        as(OFFICER)
            .body(body)
            .post("/inspections")
            .then()
            .statusCode(201)
            .body("occupants[0].destinationTown", equalTo("孝泉鎮"))
            .body("occupants[0].destinationTownCode", equalTo(XIAOQUAN))
            .body("occupants[0].destinationTownResolution", equalTo("RESOLVED"))
            .extract()
            .path("id");

    JsonPath flag = onlyFlag(id);
    assertThat(flag.getString("data.destinationTown")).isEqualTo("孝泉鎮");
    assertThat(flag.getString("data.destinationTownCode")).isEqualTo(XIAOQUAN);
    assertThat(flag.getString("data.direction")).isEqualTo("INBOUND");
    assertThat(flag.getString("data.vehicleKind")).isEqualTo("CAR");
    assertThat(flag.getString("data.inspector")).isEqualTo("张伟 051234");
    assertThat(flag.getString("data.recordedBy")).isEqualTo("officer.zhang");
    assertThat(flag.getList("data.reasons")).containsExactly("FROM_RISK_REGION", "FEVER");
    // the contract's example for 孝泉 carries the same code as the running service
    assertThat(
            JsonPath.from(EventContracts.example("checkpoint", "OccupantFlagged"))
                .getString("data.destinationTownCode"))
        .isEqualTo(XIAOQUAN);
  }

  @Test
  void anUnknownTownIsStoredAsWrittenAndFlaggedWithoutACode() {
    String body = record(occupant(Api.idNumber(), "湖北省", 37.9, "孝全镇", "HOME_QUARANTINE"));
    String id =
        as(OFFICER)
            .body(body)
            .post("/inspections")
            .then()
            .statusCode(201)
            .body("occupants[0].destinationTown", equalTo("孝全镇"))
            .body("occupants[0].destinationTownCode", nullValue())
            .body("occupants[0].destinationTownResolution", equalTo("UNRESOLVED"))
            .extract()
            .path("id");

    JsonPath flag = onlyFlag(id);
    assertThat(flag.getString("data.destinationTown")).isEqualTo("孝全镇");
    assertThat(flag.getString("data.destinationTownCode")).isNull();
    assertThat(flag.getString("data.destinationTownResolution")).isEqualTo("UNRESOLVED");
  }

  @Test
  void anOfficersReferralOfAnOccupantNoRuleFlaggedIsAFollowUpWithReasonOfficerDecision() {
    String referred = Api.idNumber();
    String cleared = Api.idNumber();
    String body =
        record(
            occupant(referred, "四川省", 36.5, "黄许", "REFERRED_TO_HEALTH"),
            occupant(cleared, "四川省", 36.5, "黄许", "CLEARED"));
    String id =
        as(OFFICER)
            .body(body)
            .post("/inspections")
            .then()
            .statusCode(201)
            .body("flaggedCount", equalTo(0))
            .body("occupants.flagged", contains(false, false))
            .extract()
            .path("id");

    JsonPath flag = onlyFlag(id);
    assertThat(flag.getString("data.idNumber"))
        .isEqualTo(referred.substring(0, 6) + "********" + referred.substring(14));
    assertThat(sealing.open(flag.getString("data.idNumberSealed"))).isEqualTo(referred);
    assertThat(flag.getString("data.result")).isEqualTo("REFERRED_TO_HEALTH");
    assertThat(flag.getList("data.reasons")).containsExactly("OFFICER_DECISION");
    assertThat(flag.getString("data.destinationTownCode")).isEqualTo("510603-T11");
  }
}
