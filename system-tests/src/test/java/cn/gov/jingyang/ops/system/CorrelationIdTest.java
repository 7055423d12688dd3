package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client's {@code X-Request-Id} on a write through the gateway is the correlation id of
 * everything that write causes: the gateway's access line, the upstream service's log line, and the
 * CloudEvent the service emits (extension attribute {@code correlationid}) on Kafka.
 */
class CorrelationIdTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static SystemStack stack;
  private static GatewayApi api;

  @BeforeAll
  static void suite() {
    stack = SystemStack.get();
    api = stack.api();
  }

  @Test
  void shouldCarryTheClientsRequestIdIntoTheUpstreamsLogAndItsEvent() {
    String requestId = "system-" + UUID.randomUUID();
    String code = "CP-SYS-" + requestId.substring(7, 15).toUpperCase();
    HttpResponse<String> created =
        api.call(
            "POST",
            "/api/v1/checkpoint/checkpoints",
            api.tokenFor(Roles.COMMAND),
            """
            {"code":"%s","name":"系统测试卡点","road":"成绵高速公路","town":"黄许镇",
             "kind":"HIGHWAY_EXIT","leadAgency":"旌阳公安分局"}"""
                .formatted(code),
            Map.of("X-Request-Id", requestId));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("X-Request-Id")).hasValue(requestId);
    String checkpointId = GatewayApi.json(created).path("id").asText();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(stack.log(ServiceCatalog.CHECKPOINT).lines())
                  .as("checkpoint-service's access line")
                  .anyMatch(
                      l -> l.contains("POST /checkpoints status=201") && l.contains(requestId));
              assertThat(stack.log(ServiceCatalog.GATEWAY).lines())
                  .as("the gateway's access line")
                  .anyMatch(
                      l ->
                          l.contains("POST /api/v1/checkpoint/checkpoints")
                              && l.contains("requestId=" + requestId));
            });

    try (TopicProbe probe =
        new TopicProbe(stack.kafkaBootstrapServers(), ServiceCatalog.CHECKPOINT.topic())) {
      ConsumerRecord<String, String> event =
          probe
              .until(
                  seen -> seen.stream().anyMatch(r -> requestId.equals(correlationId(r))),
                  Duration.ofSeconds(60))
              .stream()
              .filter(r -> requestId.equals(correlationId(r)))
              .findFirst()
              .orElseThrow();
      assertThat(event.key()).isEqualTo(checkpointId);
    }
  }

  private static String correlationId(ConsumerRecord<String, String> record) {
    try {
      JsonNode event = JSON.readTree(record.value());
      return event.path("correlationid").asText(null);
    } catch (IOException e) {
      return null;
    }
  }
}
