package cn.gov.jingyang.ops.checkpoint;

import static io.restassured.RestAssured.given;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test helpers: callers with roles, and the data every test needs (checkpoints, people, records).
 */
public final class Api {

  /**
   * The unit that runs the checkpoints the helpers plan, and the unit in {@link #OFFICER}'s token.
   */
  public static final String UNIT = "3b1f6c2e-9d4a-4e8b-a7c5-2f0e8d6b4a19";

  public static final String COMMAND = DevTokens.token("chief", Roles.COMMAND);
  public static final String OFFICER =
      DevTokens.tokenForUnit("officer.zhang", UNIT, Roles.CHECKPOINT_OFFICER);
  public static final String AUDITOR = DevTokens.token("auditor", Roles.AUDITOR);
  public static final String STATION = DevTokens.token("station", Roles.STATION_OFFICER);
  public static final String PROVINCE = DevTokens.token("province", Roles.PROVINCIAL_PLATFORM);

  private Api() {}

  public static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
  }

  /** The ETag a GET of this path answers: what If-Match of the next write of it names. */
  public static String etag(String path) {
    return as(COMMAND).get(path).then().statusCode(200).extract().header("ETag");
  }

  public static String checkpointJson(String code) {
    return """
        {"code":"%s","name":"黄许出口卡点","road":"成绵高速公路","place":"黄许出口","latitude":31.2145,
         "longitude":104.3912,"town":"黄许镇","kind":"HIGHWAY_EXIT","setUpOn":"2020-01-26",
         "leadAgency":"旌阳公安分局","participatingAgencies":["交警大队","卫健局"],"supervisingLeaderName":"副局长 李明",
         "supervisingLeaderAgency":"旌阳区人民政府","unitId":"%s"}"""
        .formatted(code, UNIT);
  }

  public static String newCode() {
    return "CP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  public static String plannedCheckpoint() {
    return as(COMMAND)
        .body(checkpointJson(newCode()))
        .post("/checkpoints")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A checkpoint ACTIVE since 28 Jan 2020 (the day police took the lead). */
  public static String activeCheckpoint() {
    String id = plannedCheckpoint();
    as(COMMAND)
        .body("{\"status\":\"ACTIVE\",\"at\":\"2020-01-28T08:00:00+08:00\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(200);
    return id;
  }

  /** A valid 18-character ID number: the check digit computed independently of the main code. */
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

  /** The same number with a wrong check character. */
  public static String withWrongCheckDigit(String id) {
    char wrong = id.charAt(17) == '1' ? '2' : '1';
    return id.substring(0, 17) + wrong;
  }

  public static String occupant(
      String idNumber, String province, double temperature, String symptoms, String result) {
    return """
        {"name":"王芳","idNumber":"%s","phone":"13900005678","originProvince":"%s","originCity":"某市",
         "stayedInRiskArea":false,"temperature":%s,"symptoms":%s,"destinationTown":"孝泉镇",
         "destinationAddress":"孝泉镇民主村3组12号","result":"%s"}"""
        .formatted(idNumber, province, temperature, symptoms, result);
  }

  public static String clearOccupant() {
    return occupant(idNumber(), "四川省", 36.5, "[]", "CLEARED");
  }

  public static String inspection(
      UUID clientRecordId,
      String checkpointId,
      String inspectedAt,
      String plate,
      List<String> occupants) {
    return """
        {"clientRecordId":"%s","checkpointId":"%s","inspectedAt":"%s","direction":"INBOUND",
         "plate":%s,"vehicleKind":"%s","inspectorName":"张伟 051234",
         "inspectorAgency":"旌阳区卫生健康局","occupants":[%s]}"""
        .formatted(
            clientRecordId,
            checkpointId,
            inspectedAt,
            plate == null ? "null" : "\"" + plate + "\"",
            plate == null ? "PEDESTRIAN" : "CAR",
            String.join(",", occupants));
  }

  public static String batch(List<String> records) {
    return "{\"records\":[" + String.join(",", records) + "]}";
  }

  /** Registers a person through personnel-service's own example event, with a fresh id. */
  public static UUID registerPerson(String bootstrap, String dutyStatus) {
    UUID person = UUID.randomUUID();
    String event =
        EventContracts.example("personnel", "PersonRegistered")
            .replace("6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b", person.toString())
            .replace("1b6e0c9a-7f2d-4c1e-9a3b-5d8f2e4c6a10", UUID.randomUUID().toString())
            .replace("\"dutyStatus\": \"AVAILABLE\"", "\"dutyStatus\": \"" + dutyStatus + "\"");
    TopicProbe.send(bootstrap, "personnel.events", person.toString(), event);
    return person;
  }

  public static Map<String, Object> member(UUID person, String role) {
    return Map.of("personId", person.toString(), "role", role);
  }

  /** An eight-hour shift at the active checkpoint from {@code start}: a lead and one member. */
  public static Map<String, Object> eightHourShift(UUID lead, UUID member, OffsetDateTime start) {
    return Map.of(
        "checkpointId",
        activeCheckpoint(),
        "start",
        start.toString(),
        "end",
        start.plusHours(8).toString(),
        "members",
        List.of(member(lead, "LEAD"), member(member, "MEMBER")));
  }

  /** Schedules {@link #eightHourShift} as a commander; its id. */
  public static String scheduleShift(UUID lead, UUID member, OffsetDateTime start) {
    return as(COMMAND)
        .body(eightHourShift(lead, member, start))
        .post("/shifts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
