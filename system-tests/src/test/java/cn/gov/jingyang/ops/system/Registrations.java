package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the flow scenarios set up through the public API, as the bureau's staff would: units and
 * people (PERSONNEL_ADMIN), checkpoints and shifts (COMMAND). Codes are unique per call, since
 * every test class of the JVM shares the one stack.
 */
final class Registrations {

  static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
  static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GatewayApi api;

  Registrations(GatewayApi api) {
    this.api = api;
  }

  /** A short tag unique to this call, for codes and names. */
  static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A district time (+08:00) to the second, as a form would send it. */
  static String at(OffsetDateTime time) {
    return time.atZoneSameInstant(DISTRICT)
        .toOffsetDateTime()
        .truncatedTo(ChronoUnit.SECONDS)
        .toString();
  }

  /** A fictional national ID number of the district (510603) with a right check digit. */
  static String idNumber() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String first17 =
        "510603"
            + String.format(
                "19%02d%02d%02d%03d",
                random.nextInt(50, 100),
                random.nextInt(1, 13),
                random.nextInt(1, 29),
                random.nextInt(0, 1000));
    return IdNumbers.complete(first17);
  }

  /** A brigade of that name, under a bureau of its own (a brigade belongs to a parent unit). */
  UUID unit(String name) {
    String tag = tag();
    JsonNode bureau =
        created(
            post(
                Roles.PERSONNEL_ADMIN,
                "/api/v1/personnel/units",
                Map.of("code", "SB-" + tag, "name", "系统测试分局" + tag, "kind", "BUREAU")));
    JsonNode unit =
        created(
            post(
                Roles.PERSONNEL_ADMIN,
                "/api/v1/personnel/units",
                Map.of(
                    "code",
                    "ST-" + tag,
                    "name",
                    name,
                    "kind",
                    "BRIGADE",
                    "parentId",
                    bureau.path("id").asText())));
    return UUID.fromString(unit.path("id").asText());
  }

  /** A police officer of the unit, with a badge number of their own. */
  UUID person(UUID unit, String name) {
    JsonNode person =
        created(
            post(
                Roles.PERSONNEL_ADMIN,
                "/api/v1/personnel/people",
                Map.of(
                    "category",
                    "POLICE_OFFICER",
                    "badgeNumber",
                    "ST" + tag(),
                    "name",
                    name,
                    "unitId",
                    unit.toString())));
    return UUID.fromString(person.path("id").asText());
  }

  /** A checkpoint run by {@code unit} (may be null). */
  UUID checkpoint(UUID unit) {
    Map<String, Object> request = new HashMap<>();
    request.put("code", "CP-ST-" + tag());
    request.put("name", "系统测试卡点");
    request.put("road", "G108国道");
    request.put("town", "黄许镇");
    request.put("kind", "NATIONAL_ROAD");
    request.put("leadAgency", "旌阳区公安分局");
    if (unit != null) {
      request.put("unitId", unit.toString());
    }
    JsonNode checkpoint = created(post(Roles.COMMAND, "/api/v1/checkpoint/checkpoints", request));
    return UUID.fromString(checkpoint.path("id").asText());
  }

  /** A checkpoint of {@code unit} moved to ACTIVE now (inspections are recorded only then). */
  UUID activeCheckpoint(UUID unit) {
    UUID checkpoint = checkpoint(unit);
    HttpResponse<String> active =
        post(
            Roles.COMMAND,
            "/api/v1/checkpoint/checkpoints/" + checkpoint + "/status",
            Map.of("status", "ACTIVE", "reason", "system test: open for inspections"));
    assertThat(active.statusCode()).as(active.body()).isEqualTo(200);
    return checkpoint;
  }

  /**
   * A household verification task entered by COMMAND (source MANUAL) for a person with that ID
   * number, bound for 孝泉; its id.
   */
  UUID verificationTask(String idNumber) {
    JsonNode task =
        created(
            post(
                Roles.COMMAND,
                "/api/v1/case/verification-tasks",
                Map.of(
                    "name", "李强",
                    "idNumber", idNumber,
                    "town", "孝泉",
                    "address", "孝泉镇正街8号",
                    "note", "省平台推送")));
    return UUID.fromString(task.path("id").asText());
  }

  /** {@code POST /shifts} with one LEAD and the other people as MEMBERs; the answer as it came. */
  HttpResponse<String> scheduleShift(
      UUID checkpoint, OffsetDateTime start, OffsetDateTime end, UUID lead, UUID... members) {
    List<Map<String, Object>> crew = new ArrayList<>();
    crew.add(Map.of("personId", lead.toString(), "role", "LEAD"));
    for (UUID member : members) {
      crew.add(Map.of("personId", member.toString(), "role", "MEMBER"));
    }
    return post(
        Roles.COMMAND,
        "/api/v1/checkpoint/shifts",
        Map.of(
            "checkpointId", checkpoint.toString(),
            "start", at(start),
            "end", at(end),
            "members", crew));
  }

  /**
   * A shift scheduled once checkpoint-service knows its people (it learns them from {@code
   * personnel.events}: until then scheduling is 422 naming the unknown person).
   */
  JsonNode scheduledShift(
      UUID checkpoint, OffsetDateTime start, OffsetDateTime end, UUID lead, UUID... members) {
    HttpResponse<String> response =
        await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> scheduleShift(checkpoint, start, end, lead, members),
                r -> r.statusCode() != 422);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return GatewayApi.json(response);
  }

  /**
   * A POST with an Idempotency-Key, as a careful client sends it: sent again with the same key
   * while the gateway answers that the service did not (502, 503, 504; on this loaded machine a
   * cold service may take longer than the route's timeout) or that the first is still running (409
   * request-in-progress). The answer as it came.
   */
  HttpResponse<String> post(String role, String path, Object body) {
    return postWith(api.tokenFor(role), path, body);
  }

  /** {@link #post} with a token of the caller's own. */
  HttpResponse<String> postWith(String token, String path, Object body) {
    String json = write(body);
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    return await()
        .atMost(PATIENCE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> api.call("POST", path, token, json, key), r -> !unanswered(r));
  }

  /** A GET that must answer 200 (asked again while the service does not answer in time). */
  JsonNode get(String role, String path) {
    return getWith(api.tokenFor(role), path);
  }

  /** {@link #get} with a token of the caller's own. */
  JsonNode getWith(String token, String path) {
    HttpResponse<String> response =
        await()
            .atMost(PATIENCE)
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> api.call("GET", path, token, null, Map.of()), r -> !unanswered(r));
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return GatewayApi.json(response);
  }

  private static boolean unanswered(HttpResponse<String> response) {
    int status = response.statusCode();
    return status == 502
        || status == 503
        || status == 504
        || (status == 409 && response.body().contains("request-in-progress"));
  }

  static JsonNode created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return GatewayApi.json(response);
  }

  static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
