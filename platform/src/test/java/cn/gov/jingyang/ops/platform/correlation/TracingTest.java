package cn.gov.jingyang.ops.platform.correlation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.testapp.UseRealInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * With the OpenTelemetry SDK on, one trace runs from an HTTP request through the outbox and Kafka
 * into a consumer: the request's span continues the caller's trace, the event appended carries that
 * span's {@code traceparent}, the relay sends it in a span of its own (the Kafka header), and the
 * consumer applies it in a span of the same trace, its log line carrying the trace id.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
class TracingTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @Inject KafkaClients kafka;
  @Inject ObjectMapper mapper;

  @Test
  void shouldCarryOneTraceFromTheRequestThroughKafkaIntoTheConsumersLog() throws Exception {
    UUID noteId = UUID.randomUUID();
    ConsumerRecord<String, String> record;
    String requestSpan;
    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), "platformtest.events")) {
      Response response =
          given()
              .auth()
              .oauth2(DevTokens.token("tester", Roles.COMMAND))
              .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
              .contentType("application/json")
              .body(Map.of("text", "traced", "noteId", noteId))
              .post("/test/notes");
      response.then().statusCode(200);
      requestSpan = response.getHeader("traceparent");
      assertThat(requestSpan)
          .as("the request's own span, in the caller's trace")
          .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
          .doesNotContain(CALLER_SPAN);
      String eventId = response.path("eventId");
      record =
          probe
              .until(
                  s -> s.stream().anyMatch(r -> eventId.equals(header(r, "ce_id"))),
                  Duration.ofSeconds(30))
              .stream()
              .filter(r -> eventId.equals(header(r, "ce_id")))
              .findFirst()
              .orElseThrow();
    }
    String appended = mapper.readTree(record.value()).path("traceparent").asText();
    String sent = header(record, "traceparent");
    assertThat(appended).as("the event's traceparent: the request's span").isEqualTo(requestSpan);
    assertThat(sent)
        .as("the Kafka header: the relay's span, a child in the same trace")
        .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
        .isNotEqualTo(appended);

    List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord line) {
            if (line instanceof ExtLogRecord ext) {
              ext.copyMdc();
              lines.add(ext);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger inbox = Logger.getLogger("cn.gov.jingyang.ops.platform.inbox");
    inbox.addHandler(capture);
    try (var producer = kafka.producer("tracing-test")) {
      UUID forwarded = UUID.randomUUID();
      var event = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(record.value());
      event.put("id", forwarded.toString());
      var out =
          new ProducerRecord<>(
              UseRealInfrastructure.INBOUND, record.key(), mapper.writeValueAsString(event));
      out.headers().add("traceparent", sent.getBytes(StandardCharsets.UTF_8));
      producer.send(out).get();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(lines)
                      .as("the consumer's line for the event, in the request's trace")
                      .anyMatch(
                          l ->
                              l.getFormattedMessage().contains("applied")
                                  && l.getFormattedMessage().contains(forwarded.toString())
                                  && TRACE_ID.equals(l.getMdc(TraceContext.MDC_TRACE_ID))
                                  && !String.valueOf(l.getMdc(TraceContext.MDC_TRACEPARENT))
                                      .equals(sent)));
    } finally {
      inbox.removeHandler(capture);
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
