package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.platform.security.Roles;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One request's trace runs through the whole suite: a client's W3C {@code traceparent} on a write
 * through the gateway (opening a checkpoint) puts its trace id into the gateway's log line, the
 * producing service's log line and the log line of a consumer applying the event it emitted on
 * Kafka (personnel-service, CheckpointStatusChanged) — and every one of them exported its span of
 * that trace over OTLP (tracing is on in the system stack).
 */
class TraceIdTest {

  private static SystemStack stack;
  private static GatewayApi api;

  @BeforeAll
  static void suite() {
    stack = SystemStack.get();
    api = stack.api();
  }

  @Test
  void shouldShowOneRequestsTraceIdInTheGatewaysTheProducersAndTheConsumersLog() {
    SecureRandom random = new SecureRandom();
    String traceId = HexFormat.of().formatHex(random.generateSeed(16));
    String callerSpan = HexFormat.of().formatHex(random.generateSeed(8));
    String code = "CP-TRC-" + traceId.substring(0, 8).toUpperCase();
    HttpResponse<String> created =
        api.call(
            "POST",
            "/api/v1/checkpoint/checkpoints",
            api.tokenFor(Roles.COMMAND),
            """
            {"code":"%s","name":"链路追踪卡点","road":"成绵高速公路","town":"黄许镇",
             "kind":"HIGHWAY_EXIT","leadAgency":"旌阳公安分局"}"""
                .formatted(code),
            Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String checkpointId = GatewayApi.json(created).path("id").asText();

    // opening it is CheckpointStatusChanged, an event personnel-service acts on
    HttpResponse<String> opened =
        api.call(
            "POST",
            "/api/v1/checkpoint/checkpoints/" + checkpointId + "/status",
            api.tokenFor(Roles.COMMAND),
            """
            {"status":"ACTIVE","reason":"trace test"}""",
            Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01"));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    assertThat(opened.headers().firstValue("traceparent"))
        .as("the gateway's span, in the caller's trace")
        .hasValueSatisfying(tp -> assertThat(tp).startsWith("00-" + traceId + "-"));

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              assertThat(stack.log(ServiceCatalog.GATEWAY).lines())
                  .as("the gateway's access line")
                  .anyMatch(
                      l ->
                          l.contains("POST /api/v1/checkpoint/checkpoints/" + checkpointId)
                              && l.contains("trace=" + traceId));
              assertThat(stack.log(ServiceCatalog.CHECKPOINT).lines())
                  .as("checkpoint-service's access line")
                  .anyMatch(
                      l ->
                          l.contains("POST /checkpoints/" + checkpointId + "/status status=200")
                              && l.contains(traceId));
              assertThat(stack.log(ServiceCatalog.PERSONNEL).lines())
                  .as("personnel-service applying the checkpoint's event from checkpoint.events")
                  .anyMatch(
                      l ->
                          l.contains("applied cn.gov.jingyang.checkpoint.CheckpointStatusChanged")
                              && l.contains("trace=" + traceId));
            });

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              for (String service : new String[] {"gateway", "checkpoint-service"}) {
                assertThat(stack.spans().exported(service, traceId))
                    .as(service + " exported a span of the trace")
                    .isTrue();
              }
              assertThat(stack.spans().exported("personnel-service", traceId))
                  .as("personnel-service exported its consumer span of the trace")
                  .isTrue();
            });
  }
}
