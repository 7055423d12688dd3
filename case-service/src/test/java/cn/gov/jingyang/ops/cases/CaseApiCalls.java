package cn.gov.jingyang.ops.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Test helpers: callers with roles, people in the replica, cases reported and moved. */
public final class CaseApiCalls {

  public static final String COMMAND = DevTokens.token("chief", Roles.COMMAND);
  public static final String STATION = DevTokens.token("station.wang", Roles.STATION_OFFICER);
  public static final String AUDITOR = DevTokens.token("auditor", Roles.AUDITOR);
  public static final String CHECKPOINT = DevTokens.token("cp", Roles.CHECKPOINT_OFFICER);

  /** The lead unit of the test cases; call {@link #knownUnit()} before reporting a case. */
  public static final String UNIT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

  /** An investigator of {@link #UNIT} (token claim unit): they reach the cases it leads. */
  public static final String INVESTIGATOR =
      DevTokens.tokenForUnit("investigator.li", UNIT, Roles.INVESTIGATOR);

  public static final String SUSPECT_ID = "510603198001011234";

  private CaseApiCalls() {}

  public static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  /** Publishes one of personnel-service's example events for {@code person} (a fresh event id). */
  public static void publish(
      String bootstrap,
      UUID person,
      String eventName,
      String exampleEventId,
      Map<String, String> replacements) {
    String event =
        EventContracts.example("personnel", eventName)
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace(exampleEventId, UUID.randomUUID().toString());
    for (var r : replacements.entrySet()) {
      event = event.replace(r.getKey(), r.getValue());
    }
    TopicProbe.send(bootstrap, "personnel.events", person.toString(), event);
  }

  /** A police officer registered through personnel.events, known to the replica on return. */
  public static UUID officer(String bootstrap) {
    UUID person = UUID.randomUUID();
    publish(
        bootstrap, person, "PersonRegistered", "1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a10", Map.of());
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/personnel/" + person)
                    .then()
                    .statusCode(200)
                    .body("name", equalTo("张伟")));
    return person;
  }

  /**
   * {@link #UNIT}, registered through personnel.events (personnel's UnitRegistered example) and in
   * the routing replica on return, so it may lead a case. Registering it again changes nothing.
   */
  public static String knownUnit() {
    Db db = new Db(Arc.container().instance(DataSource.class).get());
    String known = "select count(*) from routing_unit where unit_id = ?::uuid";
    if (db.count(known, UNIT) == 0) {
      unitRegistered(UNIT, "JY-LEAD");
      await().atMost(Duration.ofSeconds(45)).until(() -> db.count(known, UNIT) == 1);
    }
    return UNIT;
  }

  /** Publishes personnel's UnitRegistered example for {@code unitId} (a fresh event id). */
  public static void unitRegistered(String unitId, String code) {
    String example = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
    String event =
        EventContracts.example("personnel", "UnitRegistered")
            .replace(example, unitId)
            .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a41", UUID.randomUUID().toString())
            .replace("\"PS-XQ\"", "\"" + code + "\"");
    EventContracts.assertValid(event);
    String bootstrap = Arc.container().instance(KafkaClients.class).get().bootstrapServers();
    TopicProbe.send(bootstrap, "personnel.events", unitId, event);
  }

  /** A case's JSON, led by {@link #knownUnit()}. */
  public static String caseJson(String kind, String source, String town, String officers) {
    knownUnit();
    return """
        {"kind":"%s","source":"%s","summary":"群众举报某药店销售三无口罩","reportedAt":"2020-02-01T10:00:00+08:00",
         "town":"%s","address":"孝泉镇正街8号","leadUnitId":"%s","partnerAgencies":["市场监督管理局"],
         "officers":%s,
         "parties":[{"name":"刘某","idNumber":"%s","phone":"13800001234","role":"SUSPECT"}],
         "impact":{"confirmedInfections":0}}"""
        .formatted(kind, source, town, UNIT, officers, SUSPECT_ID);
  }

  /** Reports a case; answers the 201 response. */
  public static ValidatableResponse report(String token, String body) {
    return as(token).body(body).post("/cases").then().statusCode(201);
  }

  public static String reportedCase() {
    return report(COMMAND, caseJson("COUNTERFEIT_PROTECTIVE_GOODS", "REPORT", "孝泉镇", "[]"))
        .extract()
        .path("id");
  }

  public static String etag(String caseId) {
    return as(COMMAND).get("/cases/" + caseId).then().statusCode(200).extract().header("ETag");
  }

  /** Moves a case one step (with the current ETag); answers the response. */
  public static ValidatableResponse move(String caseId, String status, String legalBasis) {
    String body =
        legalBasis == null
            ? "{\"status\":\"" + status + "\"}"
            : "{\"status\":\"" + status + "\",\"legalBasis\":\"" + legalBasis + "\"}";
    return as(INVESTIGATOR)
        .header("If-Match", etag(caseId))
        .body(body)
        .post("/cases/" + caseId + "/status")
        .then();
  }
}
