package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A search by ID number through the gateway is in checkpoint-service's audit trail, which an
 * auditor reads, and verifies, through the gateway; other roles are refused.
 */
class AuditTrailThroughGatewayTest {

  private static GatewayApi api;

  @BeforeAll
  static void suite() {
    api = SystemStack.get().api();
  }

  @Test
  void shouldLetAnAuditorFindASearchByIdNumberThroughTheGateway() {
    String since =
        OffsetDateTime.now(ZoneOffset.UTC)
            .minusMinutes(1)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString();
    String requestId = "audit-" + UUID.randomUUID();
    HttpResponse<String> search =
        api.call(
            "GET",
            "/api/v1/checkpoint/inspections?idNumber=510603199001011234",
            api.tokenFor(Roles.COMMAND),
            null,
            Map.of("X-Request-Id", requestId, "X-Purpose", "system test"));
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);

    String auditor = api.tokenFor(Roles.AUDITOR);
    HttpResponse<String> trail =
        api.call(
            "GET",
            "/api/v1/checkpoint/audit-trail?size=200&from="
                + URLEncoder.encode(since, StandardCharsets.UTF_8),
            auditor,
            null,
            Map.of());
    assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
    JsonNode row =
        StreamSupport.stream(GatewayApi.json(trail).path("items").spliterator(), false)
            .filter(item -> requestId.equals(item.path("requestId").asText()))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no audit row for " + requestId + ": " + trail.body()));
    assertThat(row.path("subject").asText()).isEqualTo("GET /inspections");
    assertThat(row.path("fields").toString()).isEqualTo("[\"id_number_search\"]");
    assertThat(row.path("purpose").asText()).isEqualTo("system test");
    assertThat(row.path("roles").toString()).contains(Roles.COMMAND);
    assertThat(trail.body()).doesNotContain("510603199001011234");

    HttpResponse<String> verification =
        api.call("GET", "/api/v1/checkpoint/audit-trail/verification", auditor, null, Map.of());
    assertThat(verification.statusCode()).isEqualTo(200);
    assertThat(GatewayApi.json(verification).path("holds").asBoolean()).isTrue();

    for (String service : new String[] {"checkpoint", "case", "personnel"}) {
      HttpResponse<String> refused =
          api.call(
              "GET",
              "/api/v1/" + service + "/audit-trail",
              api.tokenFor(Roles.INVESTIGATOR),
              null,
              Map.of());
      assertThat(refused.statusCode()).as(service).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      HttpResponse<String> allowed =
          api.call("GET", "/api/v1/" + service + "/audit-trail", auditor, null, Map.of());
      assertThat(allowed.statusCode()).as(service).isEqualTo(200);
    }
  }
}
