package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4 of issue 11, through the gateway only: an officer on tomorrow's shift falls SICK for
 * three days (personnel-service). checkpoint-service takes them off the shift inside the sick
 * leave, which becomes UNDERSTAFFED; case-service refuses to assign them to a case with the
 * documented 422 naming {@code personId}, while their healthy colleague is assigned.
 */
class SickLeaveFlowTest {

  private static GatewayApi api;
  private static Registrations registrations;

  @BeforeAll
  static void suite() {
    api = SystemStack.get().api();
    registrations = new Registrations(api);
  }

  @Test
  void shouldTakeASickOfficerOffTheirShiftsDuringTheLeaveAndRefuseThemOnACase() {
    String tag = Registrations.tag();
    UUID unit = registrations.unit("病假测试大队" + tag);
    UUID lead = registrations.person(unit, "带班民警" + tag);
    UUID sick = registrations.person(unit, "病假民警" + tag);
    UUID checkpoint = registrations.checkpoint(null);
    OffsetDateTime now = OffsetDateTime.now(Registrations.DISTRICT);

    String during =
        registrations
            .scheduledShift(checkpoint, now.plusDays(1), now.plusDays(1).plusHours(8), lead, sick)
            .path("id")
            .asText();
    assertThat(shift(during).path("status").asText()).isEqualTo("SCHEDULED");

    // case-service knows both officers before one of them falls sick
    UUID caseId = reportCase(unit);
    await()
        .atMost(Registrations.PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> known(lead) && known(sick));

    HttpResponse<String> fallsSick =
        registrations.post(
            Roles.PERSONNEL_ADMIN,
            "/api/v1/personnel/people/" + sick + "/duty-status",
            Map.of(
                "status",
                "SICK",
                "reason",
                "fever, sent home by the station doctor",
                "until",
                Registrations.at(now.plusDays(3))));
    assertThat(fallsSick.statusCode()).as(fallsSick.body()).isEqualTo(200);

    // checkpoint-service: off the shift inside the leave, which is UNDERSTAFFED
    JsonNode understaffed =
        await()
            .atMost(Registrations.PATIENCE)
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> shift(during), s -> s.path("status").asText().equals("UNDERSTAFFED"));
    assertThat(members(understaffed)).containsExactly(lead.toString());

    // case-service: the sick officer cannot be assigned; the colleague can
    await()
        .atMost(Registrations.PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                registrations
                    .get(Roles.COMMAND, "/api/v1/case/personnel/" + sick)
                    .path("dutyStatus")
                    .asText()
                    .equals("SICK"));
    HttpResponse<String> refused = assign(caseId, sick);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = GatewayApi.json(refused);
    assertThat(problem.path("status").asInt()).isEqualTo(422);
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("personId");
    assertThat(problem.path("detail").asText()).contains(sick.toString()).contains("SICK");

    HttpResponse<String> assigned = assign(caseId, lead);
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
    JsonNode theCase = registrations.get(Roles.COMMAND, "/api/v1/case/cases/" + caseId);
    assertThat(theCase.toString()).contains(lead.toString()).doesNotContain(sick.toString());
  }

  /** A case led by {@code unit}, once case-service knows the unit (422 naming it until then). */
  private static UUID reportCase(UUID unit) {
    Map<String, Object> report =
        Map.of(
            "kind", "OBSTRUCTING_EPIDEMIC_CONTROL",
            "source", "PATROL",
            "summary", "拒不配合卡点检查",
            "reportedAt", Registrations.at(OffsetDateTime.now()),
            "town", "孝泉",
            "leadUnitId", unit.toString());
    HttpResponse<String> reported =
        await()
            .atMost(Registrations.PATIENCE)
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> registrations.post(Roles.COMMAND, "/api/v1/case/cases", report),
                r -> r.statusCode() != 422);
    return UUID.fromString(Registrations.created(reported).path("id").asText());
  }

  private static boolean known(UUID person) {
    return api.call(
                "GET",
                "/api/v1/case/personnel/" + person,
                api.tokenFor(Roles.COMMAND),
                null,
                Map.of())
            .statusCode()
        == 200;
  }

  private static HttpResponse<String> assign(UUID caseId, UUID person) {
    return registrations.post(
        Roles.COMMAND,
        "/api/v1/case/cases/" + caseId + "/officers",
        Map.of("personId", person.toString()));
  }

  private static JsonNode shift(String id) {
    return registrations.get(Roles.COMMAND, "/api/v1/checkpoint/shifts/" + id);
  }

  private static List<String> members(JsonNode shift) {
    List<String> ids = new ArrayList<>();
    shift.path("members").forEach(m -> ids.add(m.path("personId").asText()));
    return ids;
  }
}
