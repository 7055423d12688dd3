package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One service process of the suite stopped: the gateway answers its route at once with 503
 * problem+json (the others keep answering), and the daily situation report is still 200 with only
 * that service's section unavailable; started again, the route answers as before.
 */
class ServiceRestartTest {

  private static SystemStack stack;
  private static GatewayApi api;

  @BeforeAll
  static void suite() {
    stack = SystemStack.get();
    api = stack.api();
  }

  @Test
  void shouldAnswer503WhileAServiceIsStoppedAndServeItAgainAfterItsRestart() {
    String token = api.tokenFor(Roles.COMMAND);
    assertThat(api.call("GET", "/api/v1/personnel/people", token, null, Map.of()).statusCode())
        .isEqualTo(200);

    stack.stop(ServiceCatalog.PERSONNEL);
    try {
      HttpResponse<String> down =
          api.call("GET", "/api/v1/personnel/people", token, null, Map.of());
      assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
      assertThat(down.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(api.call("GET", "/api/v1/case/cases", token, null, Map.of()).statusCode())
          .as("another service")
          .isEqualTo(200);

      // the daily situation report still answers: only personnel's section is unavailable
      HttpResponse<String> report = api.call("GET", "/api/v1/situation", token, null, Map.of());
      assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
      JsonNode situation = GatewayApi.json(report);
      assertThat(situation.path("personnel").path("status").asText()).isEqualTo("unavailable");
      assertThat(situation.path("personnel").path("reason").asText()).isNotBlank();
      assertThat(situation.path("checkpoint").path("status").asText()).isEqualTo("available");
      assertThat(situation.path("case").path("status").asText()).isEqualTo("available");
    } finally {
      stack.restart(ServiceCatalog.PERSONNEL);
    }
    // once the route's circuit breaker lets a probe through
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                api.call("GET", "/api/v1/personnel/people", token, null, Map.of()).statusCode()
                    == 200);
  }
}
