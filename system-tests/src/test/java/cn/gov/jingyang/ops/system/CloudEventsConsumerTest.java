package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A consumer nobody in this project wrote judges the Kafka binding: the CloudEvents Java SDK's
 * {@code CloudEventDeserializer} (cloudevents-kafka, with cloudevents-json-jackson for the
 * structured mode's {@code application/cloudevents+json}) reads every record of the three event
 * topics from the beginning to their end offsets, and each one is a valid CloudEvent 1.0 as the
 * contract (contracts/README.md) describes it: id, source {@code /jingyang/<service>}, type {@code
 * cn.gov.jingyang.<service>.*}, time, subject = the record's key, data a JSON object. Runs last
 * ({@code @Order}), so it judges the records of every scenario of the JVM; it writes one event per
 * service itself, so that no topic is empty even when it runs alone.
 */
@Order(Integer.MAX_VALUE)
class CloudEventsConsumerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static SystemStack stack;
  private static Registrations registrations;

  @BeforeAll
  static void suite() {
    stack = SystemStack.get();
    registrations = new Registrations(stack.api());
  }

  @Test
  void shouldReadEveryRecordOfTheEventTopicsAsAValidCloudEvent() {
    Map<String, String> ownSubjects =
        Map.of(
            "personnel", registrations.unit("CloudEvents对账大队").toString(),
            "checkpoint", registrations.checkpoint(null).toString(),
            "case", registrations.verificationTask(Registrations.idNumber()).toString());

    List<String> problems = new ArrayList<>(); // the first 50
    int wrong = 0;
    int read = 0;
    for (String topic : TopicRecords.EVENT_TOPICS) {
      String service = topic.substring(0, topic.indexOf('.'));
      await()
          .atMost(Registrations.PATIENCE)
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> TopicRecords.all(stack.kafkaBootstrapServers(), topic, ConsumerRecord::key),
              keys -> keys.contains(ownSubjects.get(service)));
      try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
        deserializer.configure(Map.of(), false);
        List<String> verdicts =
            TopicRecords.all(
                stack.kafkaBootstrapServers(),
                topic,
                record -> {
                  List<String> found;
                  try {
                    CloudEvent event =
                        deserializer.deserialize(topic, record.headers(), record.value());
                    found = check(service, record, event);
                  } catch (RuntimeException e) {
                    found = List.of("not a CloudEvent to the SDK: " + e);
                  }
                  String where = topic + "/" + record.partition() + "@" + record.offset();
                  return found.isEmpty() ? "" : where + ": " + String.join("; ", found);
                });
        for (String verdict : verdicts) {
          if (!verdict.isEmpty() && wrong++ < 50) {
            problems.add(verdict);
          }
          read++;
        }
      }
    }
    assertThat(read).as("records read").isPositive();
    assertThat(problems)
        .as("records the CloudEvents SDK finds wrong: %d of %d, the first 50", wrong, read)
        .isEmpty();
  }

  /** What is wrong with one event read from a record of {@code service}'s topic. */
  private static List<String> check(
      String service, ConsumerRecord<String, byte[]> record, CloudEvent event) {
    List<String> wrong = new ArrayList<>();
    if (event.getSpecVersion() != SpecVersion.V1) {
      wrong.add("specversion " + event.getSpecVersion());
    }
    if (event.getId() == null || event.getId().isBlank()) {
      wrong.add("no id");
    } else {
      try {
        UUID.fromString(event.getId());
      } catch (IllegalArgumentException e) {
        wrong.add("id is not a UUID: " + event.getId());
      }
      Header ceId = record.headers().lastHeader("ce_id");
      if (ceId != null && !event.getId().equals(new String(ceId.value(), StandardCharsets.UTF_8))) {
        wrong.add("header ce_id differs from the event's id " + event.getId());
      }
    }
    if (!URI.create("/jingyang/" + service).equals(event.getSource())) {
      wrong.add("source " + event.getSource());
    }
    if (event.getType() == null
        || !event.getType().startsWith("cn.gov.jingyang." + service + ".")) {
      wrong.add("type " + event.getType());
    }
    if (event.getTime() == null) {
      wrong.add("no time");
    }
    if (event.getSubject() == null || !event.getSubject().equals(record.key())) {
      wrong.add("subject " + event.getSubject() + " is not the record key " + record.key());
    }
    if (!"application/json".equals(event.getDataContentType())) {
      wrong.add("datacontenttype " + event.getDataContentType());
    }
    if (event.getData() == null) {
      wrong.add("no data");
    } else {
      try {
        JsonNode data = JSON.readTree(event.getData().toBytes());
        if (!data.isObject()) {
          wrong.add("data is not a JSON object: " + data.getNodeType());
        }
      } catch (Exception e) {
        wrong.add("data does not parse: " + e.getMessage());
      }
    }
    return wrong;
  }
}
