package cn.gov.jingyang.ops.checkpoint.inspection;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InspectionTest {

  private static final String AT = "2020-02-03T09:15:00+08:00";

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;
  @Inject PersonalDataSealing sealing;

  @Test
  void anOfficerRecordsAnInspectionWithThePlateNormalisedAndAResendReturnsTheFirstResult() {
    String checkpoint = Api.activeCheckpoint();
    UUID client = UUID.randomUUID();
    String idNumber = Api.idNumber();
    String body =
        Api.inspection(
            client,
            checkpoint,
            AT,
            "川f·12345",
            List.of(Api.occupant(idNumber, "四川省", 36.4, "[]", "CLEARED")));
    String id =
        as(OFFICER)
            .body(body)
            .post("/inspections")
            .then()
            .statusCode(201)
            .body("plate", equalTo("川F12345"))
            .body("day", equalTo("2020-02-03"))
            .body("recordedBy", equalTo("officer.zhang"))
            .body("occupants[0].idNumber", equalTo(idNumber))
            .body("occupants[0].phone", equalTo("13900005678"))
            .body("occupants[0].flagged", equalTo(false))
            .extract()
            .path("id");

    as(OFFICER)
        .body(body.replace("CLEARED", "TURNED_BACK"))
        .post("/inspections")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("occupants[0].result", equalTo("CLEARED"));
    assertThat(
            new Db(dataSource)
                .count("select count(*) from inspection where client_record_id = ?", client))
        .isEqualTo(1);
  }

  @Test
  void aFlaggedOccupantProducesExactlyOneOccupantFlaggedAndAClearedOneNone() {
    String checkpoint = Api.activeCheckpoint();
    UUID client = UUID.randomUUID();
    String flaggedId = Api.idNumber();
    String clearId = Api.idNumber();
    String body =
        Api.inspection(
            client,
            checkpoint,
            AT,
            "川F·A1234",
            List.of(
                Api.occupant(flaggedId, "湖北省", 37.8, "[\"COUGH\"]", "HOME_QUARANTINE"),
                Api.occupant(clearId, "四川省", 36.6, "[]", "CLEARED")));
    String id =
        as(OFFICER)
            .body(body)
            .post("/inspections")
            .then()
            .statusCode(201)
            .body("flaggedCount", equalTo(1))
            .body("occupants[0].flagged", equalTo(true))
            .body("occupants[0].flagReasons", contains("FROM_RISK_REGION", "FEVER", "SYMPTOMS"))
            .body("occupants[1].flagged", equalTo(false))
            .extract()
            .path("id");
    as(OFFICER).body(body).post("/inspections").then().statusCode(200);

    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), "checkpoint.events")) {
      probe.until(
          rs ->
              rs.stream()
                  .anyMatch(r -> r.value().contains("OccupantFlagged") && r.value().contains(id)),
          Duration.ofSeconds(30));
      List<String> flags =
          probe.drain(Duration.ofSeconds(1)).stream()
              .map(r -> r.value())
              .filter(v -> v.contains("OccupantFlagged") && v.contains(id))
              .toList();
      assertThat(flags).hasSize(1);
      EventContracts.assertValid(flags.get(0));
      // the ID number and phone travel masked, and sealed for case-service
      assertThat(IdNumbers.inClear(flags.get(0))).isEmpty();
      assertThat(flags.get(0))
          .contains(flaggedId.substring(0, 6) + "********" + flaggedId.substring(14))
          .contains("139****5678")
          .doesNotContain("13900005678")
          .contains("孝泉镇民主村3组12号")
          .contains(checkpoint)
          .doesNotContain(clearId.substring(0, 14));
      JsonPath flag = JsonPath.from(flags.get(0));
      assertThat(sealing.open(flag.getString("data.idNumberSealed"))).isEqualTo(flaggedId);
      assertThat(sealing.open(flag.getString("data.phoneSealed"))).isEqualTo("13900005678");
    }
    Db db = new Db(dataSource);
    assertThat(db.events("OccupantFlagged", "inspectionId", id)).hasSize(1);
    List<String> recorded = db.events("InspectionRecorded", "inspectionId", id);
    assertThat(recorded).hasSize(1);
    EventContracts.assertValid(recorded.get(0));
    assertThat(recorded.get(0)).doesNotContain(flaggedId);

    // the feed masks the ID number and phone
    long seq =
        db.count(
            "select seq from outbox where event_type like '%.OccupantFlagged' and event->'data'->>'inspectionId' = ?",
            id);
    as(Api.PROVINCE)
        .queryParam("after", seq - 1)
        .queryParam("limit", 1)
        .get("/events")
        .then()
        .statusCode(200)
        .body("events[0].event.data.inspectionId", equalTo(id))
        .body("events[0].event.data.phone", equalTo("139****5678"))
        .body(containsString(flaggedId.substring(0, 6) + "********" + flaggedId.substring(14)))
        .body(org.hamcrest.Matchers.not(containsString(flaggedId)));
  }

  @Test
  void aClearOccupantProducesNoFlag() {
    String checkpoint = Api.activeCheckpoint();
    String id =
        as(OFFICER)
            .body(
                Api.inspection(
                    UUID.randomUUID(), checkpoint, AT, "川F12345", List.of(Api.clearOccupant())))
            .post("/inspections")
            .then()
            .statusCode(201)
            .body("flaggedCount", equalTo(0))
            .extract()
            .path("id");
    assertThat(new Db(dataSource).events("OccupantFlagged", "inspectionId", id)).isEmpty();
    assertThat(new Db(dataSource).events("InspectionRecorded", "inspectionId", id)).hasSize(1);
  }

  @Test
  void aWrongCheckDigitIsUnprocessable() {
    String checkpoint = Api.activeCheckpoint();
    String bad = Api.withWrongCheckDigit(Api.idNumber());
    UUID client = UUID.randomUUID();
    as(OFFICER)
        .body(
            Api.inspection(
                client,
                checkpoint,
                AT,
                "川F12345",
                List.of(Api.clearOccupant(), Api.occupant(bad, "四川省", 36.5, "[]", "CLEARED"))))
        .post("/inspections")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("occupants[1].idNumber"))
        .body("detail", containsString("check digit"));
    assertThat(
            new Db(dataSource)
                .count("select count(*) from inspection where client_record_id = ?", client))
        .isZero();
  }

  @Test
  void malformedValuesAreBadRequestsNamingTheField() {
    String checkpoint = Api.activeCheckpoint();
    as(OFFICER)
        .body(
            Api.inspection(
                UUID.randomUUID(),
                checkpoint,
                AT,
                "川F12345",
                List.of(Api.occupant(Api.idNumber(), "四川省", 45.0, "[]", "CLEARED"))))
        .post("/inspections")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("occupants[0].temperature"));
    as(OFFICER)
        .body(
            Api.inspection(
                UUID.randomUUID(),
                checkpoint,
                AT,
                "川F12345",
                List.of(Api.occupant("51060319900101", "四川省", 36.5, "[]", "CLEARED"))))
        .post("/inspections")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("occupants[0].idNumber"));
    as(OFFICER)
        .body(
            Api.inspection(
                UUID.randomUUID(), checkpoint, AT, "XX-12345", List.of(Api.clearOccupant())))
        .post("/inspections")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("plate"));
    as(OFFICER)
        .body(
            Api.inspection(
                UUID.randomUUID(),
                checkpoint,
                AT,
                "川F12345",
                List.of(Api.occupant(Api.idNumber(), "四川省", 36.5, "[]", "WAVED_THROUGH"))))
        .post("/inspections")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("occupants[0].result"));
    as(OFFICER)
        .body(Api.inspection(UUID.randomUUID(), checkpoint, AT, "川F12345", List.of()))
        .post("/inspections")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("occupants"));
  }

  @Test
  void unknownOrNonOperatingCheckpointsRefuseInspections() {
    as(OFFICER)
        .body(
            Api.inspection(
                UUID.randomUUID(),
                UUID.randomUUID().toString(),
                AT,
                "川F12345",
                List.of(Api.clearOccupant())))
        .post("/inspections")
        .then()
        .statusCode(404);

    String planned = Api.plannedCheckpoint();
    as(OFFICER)
        .body(
            Api.inspection(UUID.randomUUID(), planned, AT, "川F12345", List.of(Api.clearOccupant())))
        .post("/inspections")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("inspectedAt"));

    String closed = Api.activeCheckpoint();
    as(COMMAND)
        .body("{\"status\":\"CLOSED\",\"at\":\"2020-03-01T00:00:00+08:00\"}")
        .post("/checkpoints/" + closed + "/status")
        .then()
        .statusCode(200);
    as(OFFICER)
        .body(
            Api.inspection(
                UUID.randomUUID(),
                closed,
                "2020-03-02T10:00:00+08:00",
                "川F12345",
                List.of(Api.clearOccupant())))
        .post("/inspections")
        .then()
        .statusCode(422)
        .body("detail", containsString("CLOSED"));
    // made while it was still open, uploaded after it closed: kept
    as(OFFICER)
        .body(
            Api.inspection(UUID.randomUUID(), closed, AT, "川F12345", List.of(Api.clearOccupant())))
        .post("/inspections")
        .then()
        .statusCode(201);
  }

  @Test
  void onlyCheckpointOfficersRecordAndOnlyTheyAndCommandSeeFullIdNumbers() {
    String checkpoint = Api.activeCheckpoint();
    String idNumber = Api.idNumber();
    String body =
        Api.inspection(
            UUID.randomUUID(),
            checkpoint,
            AT,
            "川F12345",
            List.of(Api.occupant(idNumber, "四川省", 36.5, "[]", "CLEARED")));
    as(COMMAND).body(body).post("/inspections").then().statusCode(403);
    as(AUDITOR).body(body).post("/inspections").then().statusCode(403);
    as(Api.STATION).body(body).post("/inspections").then().statusCode(403);
    String id =
        as(OFFICER).body(body).post("/inspections").then().statusCode(201).extract().path("id");

    as(COMMAND)
        .get("/inspections/" + id)
        .then()
        .statusCode(200)
        .body("occupants[0].idNumber", equalTo(idNumber));
    as(AUDITOR)
        .get("/inspections/" + id)
        .then()
        .statusCode(200)
        .body(
            "occupants[0].idNumber",
            equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
        .body("occupants[0].phone", equalTo("139****5678"));
    as(AUDITOR)
        .queryParam("checkpointId", checkpoint)
        .get("/inspections")
        .then()
        .statusCode(200)
        .body("items[0].occupants[0].idNumber", containsString("********"));
    as(Api.STATION).get("/inspections/" + id).then().statusCode(403);

    // a role that sees ID numbers masked may not search by one either
    as(AUDITOR)
        .queryParam("idNumber", idNumber)
        .get("/inspections")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("idNumber"));
    as(COMMAND)
        .queryParam("idNumber", idNumber)
        .get("/inspections")
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(id));
  }

  @Test
  void listsFilterByCheckpointDayResultFlagAndPlate() {
    String checkpoint = Api.activeCheckpoint();
    post(checkpoint, "2020-02-01T10:00:00+08:00", "川F11111", Api.clearOccupant());
    post(
        checkpoint,
        "2020-02-02T00:30:00+08:00",
        "川F22222",
        Api.occupant(Api.idNumber(), "湖北省", 36.5, "[]", "HOME_QUARANTINE"));
    post(
        checkpoint,
        "2020-02-02T23:59:00+08:00",
        null,
        Api.occupant(Api.idNumber(), "四川省", 36.5, "[]", "TURNED_BACK"));
    post(checkpoint, "2020-02-03T08:00:00+08:00", "川F33333", Api.clearOccupant());

    as(AUDITOR)
        .queryParam("checkpointId", checkpoint)
        .get("/inspections")
        .then()
        .body("total", equalTo(4));
    as(AUDITOR)
        .queryParam("checkpointId", checkpoint)
        .queryParam("from", "2020-02-02")
        .queryParam("to", "2020-02-02")
        .get("/inspections")
        .then()
        .body("total", equalTo(2))
        .body("items.day", everyItem(equalTo("2020-02-02")));
    as(AUDITOR)
        .queryParam("checkpointId", checkpoint)
        .queryParam("flagged", true)
        .get("/inspections")
        .then()
        .body("total", equalTo(1))
        .body("items[0].plate", equalTo("川F22222"));
    as(AUDITOR)
        .queryParam("checkpointId", checkpoint)
        .queryParam("result", "TURNED_BACK")
        .get("/inspections")
        .then()
        .body("total", equalTo(1))
        .body("items[0].vehicleKind", equalTo("PEDESTRIAN"));
    as(AUDITOR)
        .queryParam("checkpointId", checkpoint)
        .queryParam("plate", "川F·33333")
        .get("/inspections")
        .then()
        .body("total", equalTo(1))
        .body("items[0].plate", equalTo("川F33333"));
    as(AUDITOR)
        .queryParam("checkpointId", checkpoint)
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/inspections")
        .then()
        .body("items.size()", equalTo(2))
        .body("page", equalTo(1))
        .body("items[1].plate", equalTo("川F11111"));
    as(AUDITOR)
        .queryParam("from", "2020-02-03")
        .queryParam("to", "2020-02-01")
        .get("/inspections")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("to"));
    as(AUDITOR)
        .queryParam("from", "3 Feb")
        .get("/inspections")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as(AUDITOR)
        .queryParam("result", "WAVED")
        .get("/inspections")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as(AUDITOR)
        .queryParam("checkpointId", "CP-1")
        .get("/inspections")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static void post(String checkpoint, String at, String plate, String occupant) {
    as(OFFICER)
        .body(Api.inspection(UUID.randomUUID(), checkpoint, at, plate, List.of(occupant)))
        .post("/inspections")
        .then()
        .statusCode(201);
  }
}
