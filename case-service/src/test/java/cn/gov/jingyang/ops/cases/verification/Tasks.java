package cn.gov.jingyang.ops.cases.verification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.Db;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test helpers: callers, stations made from personnel's example events, key persons, tasks. */
public final class Tasks {

  public static final Duration WAIT = Duration.ofSeconds(45);
  public static final String COMMAND = DevTokens.token("chief", Roles.COMMAND);
  public static final String AUDITOR = DevTokens.token("auditor", Roles.AUDITOR);

  /** The phone of every flagged occupant of the tests. */
  public static final String FLAGGED_PHONE = "13900005678";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Tasks() {}

  public static String stationOfficer(UUID unit) {
    return DevTokens.tokenForUnit("officer." + unit, unit.toString(), Roles.STATION_OFFICER);
  }

  public static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  /**
   * personnel's UnitCoverageChanged example, for a station of our own with its parent, covering the
   * given towns (gazetteer codes); a fresh event id.
   */
  public static String coverage(UUID station, UUID parent, String code, String... towns) {
    try {
      ObjectNode event =
          (ObjectNode) JSON.readTree(EventContracts.example("personnel", "UnitCoverageChanged"));
      event.put("id", UUID.randomUUID().toString());
      event.put("subject", station.toString());
      ObjectNode data = (ObjectNode) event.get("data");
      data.put("unitId", station.toString());
      data.put("code", code);
      data.put("name", code + "派出所");
      data.put("parentId", parent.toString());
      data.putArray("previousTowns");
      ArrayNode list = data.putArray("towns");
      for (String town : towns) {
        list.addObject().put("code", town).put("name", town);
      }
      String json = JSON.writeValueAsString(event);
      EventContracts.assertValid(json);
      return json;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes a coverage and waits until the routing table has it. */
  public static void cover(
      String bootstrap, Db db, UUID station, UUID parent, String code, String... towns) {
    TopicProbe.send(
        bootstrap, "personnel.events", station.toString(), coverage(station, parent, code, towns));
    await()
        .atMost(WAIT)
        .until(
            () ->
                db.count(
                        "select count(*) from routing_town where station_unit_id = ?"
                            + " and town_code = any(?)",
                        station,
                        towns)
                    == towns.length);
  }

  /**
   * checkpoint's OccupantFlagged example for another person, occupant and inspection, as checkpoint
   * publishes it: ID number and phone masked, and sealed in idNumberSealed and phoneSealed.
   */
  public static ObjectNode flag(String idNumber, String townCode) {
    ObjectNode event = clearFlag(idNumber, townCode);
    ObjectNode data = (ObjectNode) event.get("data");
    PersonalDataSealing sealing = Arc.container().instance(PersonalDataSealing.class).get();
    data.put("idNumber", PersonalData.maskIdNumber(idNumber));
    data.put("idNumberSealed", sealing.seal(idNumber));
    data.put("phone", PersonalData.maskPhone(FLAGGED_PHONE));
    data.put("phoneSealed", sealing.seal(FLAGGED_PHONE));
    return event;
  }

  /**
   * An OccupantFlagged as checkpoint published it before personal data was sealed: ID number and
   * phone in clear, no sealed fields (still on the topic after the upgrade).
   */
  public static ObjectNode clearFlag(String idNumber, String townCode) {
    try {
      ObjectNode event =
          (ObjectNode) JSON.readTree(EventContracts.example("checkpoint", "OccupantFlagged"));
      UUID inspection = UUID.randomUUID();
      event.put("id", UUID.randomUUID().toString());
      event.put("subject", inspection.toString());
      ObjectNode data = (ObjectNode) event.get("data");
      data.put("inspectionId", inspection.toString());
      data.put("occupantId", UUID.randomUUID().toString());
      data.remove("idNumberSealed");
      data.remove("phoneSealed");
      data.put("idNumber", idNumber);
      data.put("phone", FLAGGED_PHONE);
      if (townCode == null) {
        data.put("destinationTown", "某某村");
        data.putNull("destinationTownCode");
        data.put("destinationTownResolution", "UNRESOLVED");
      } else {
        data.put("destinationTownCode", townCode);
      }
      return event;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void publish(String bootstrap, ObjectNode event) {
    String json = event.toString();
    EventContracts.assertValid(json);
    TopicProbe.send(bootstrap, "checkpoint.events", event.get("subject").asText(), json);
  }

  /** A valid 18-character ID number nobody else in the tests has. */
  public static String idNumber() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String first17 =
        "510603"
            + LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20_000)).toString().replace("-", "")
            + String.format("%03d", r.nextInt(1000));
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  public static String manual(String idNumber, String townCode, String dueAt) {
    return """
        {"name":"张三","idNumber":"%s","phone":"13800001234","address":"某村1组","townCode":%s,
         "dueAt":%s,"note":"群众反映近期从武汉返回"}"""
        .formatted(
            idNumber,
            townCode == null ? "null" : "\"" + townCode + "\"",
            dueAt == null ? "null" : "\"" + dueAt + "\"");
  }

  /** A MANUAL task entered by command; its id. */
  public static String manualTask(String townCode, String dueAt) {
    return as(COMMAND)
        .body(manual(idNumber(), townCode, dueAt))
        .post("/verification-tasks")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String etag(String token, String taskId) {
    return as(token)
        .get("/verification-tasks/" + taskId)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  /** Moves a task with a body, sending the ETag read just before; the new ETag. */
  public static String move(String token, String taskId, String step, String body) {
    return as(token)
        .header("If-Match", etag(token, taskId))
        .body(body)
        .post("/verification-tasks/" + taskId + "/" + step)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }
}
