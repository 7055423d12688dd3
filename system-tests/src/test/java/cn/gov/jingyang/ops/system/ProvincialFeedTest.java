package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.stack.Suite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The provincial platform (a PROVINCIAL_PLATFORM client) reads each service's feed through the
 * gateway ({@code GET /api/v1/feed/{feed}}) from the start to the end, then again from a cursor in
 * the middle, and gets every event, in order, with no national ID number in clear. "Every event" is
 * judged against Kafka: each event on the topic before the feed was read is on the feed, each event
 * of the feed reaches the topic, and the events of one subject (the Kafka key) come in the same
 * order on both. Runs after the other classes (junit-platform.properties orders classes by
 * {@code @Order}), so it reads the events of every scenario; it also writes its own events carrying
 * ID numbers (a flagged occupant at a checkpoint, a manual verification task, a new officer).
 */
@Order(Integer.MAX_VALUE - 1)
class ProvincialFeedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 500;

  /** One event as the feed shows it. */
  record Entry(long cursor, String id, String subject, String type) {}

  private static SystemStack stack;
  private static GatewayApi api;
  private static Registrations registrations;

  @BeforeAll
  static void suite() {
    stack = SystemStack.get();
    api = stack.api();
    registrations = new Registrations(api);
  }

  @Test
  void shouldServeEveryEventOfEachFeedInKafkasOrderWithIdNumbersMasked() {
    // this test's own writes, with ID numbers in them
    String flaggedId = Registrations.idNumber();
    String taskId = Registrations.idNumber();
    UUID officer = registrations.person(registrations.unit("省平台对账大队"), "对账民警");
    UUID inspection = flaggedOccupant(flaggedId);
    UUID task = registrations.verificationTask(taskId);
    Map<String, String> ownSubjects =
        Map.of(
            "checkpoint", inspection.toString(),
            "case", task.toString(),
            "personnel", officer.toString());
    // (personnel's events carry no citizen's ID number)
    Map<String, String> maskedIds = Map.of("checkpoint", masked(flaggedId), "case", masked(taskId));

    String provincial = api.tokenFor(Roles.PROVINCIAL_PLATFORM);
    for (String feed : List.of("checkpoint", "case", "personnel")) {
      String topic = feed + ".events";
      Map<TopicPartition, Long> before =
          TopicRecords.endOffsets(stack.kafkaBootstrapServers(), topic);

      FeedRead read = read(provincial, feed, 0, maskedIds.get(feed));
      List<Entry> all = read.entries();
      assertThat(all).as("%s feed", feed).isNotEmpty();
      assertThat(read.clearIdNumbers()).as("ID numbers in clear on the %s feed", feed).isEmpty();
      if (maskedIds.containsKey(feed)) {
        assertThat(read.sawMasked()).as("masked ID number on the %s feed", feed).isTrue();
      }
      assertThat(all).extracting(Entry::subject).contains(ownSubjects.get(feed));
      for (int i = 1; i < all.size(); i++) {
        assertThat(all.get(i).cursor()).as("cursors rise").isGreaterThan(all.get(i - 1).cursor());
      }
      Set<String> feedIds = new LinkedHashSet<>();
      all.forEach(e -> feedIds.add(e.id()));
      assertThat(feedIds).as("each event once on the %s feed", feed).hasSize(all.size());

      // again from the middle: the same events after that cursor, in the same order
      int middle = all.size() / 2;
      List<Entry> rest = read(provincial, feed, all.get(middle).cursor(), null).entries();
      List<Entry> expected = all.subList(middle + 1, all.size());
      assertThat(rest.size()).isGreaterThanOrEqualTo(expected.size());
      assertThat(rest.subList(0, expected.size())).isEqualTo(expected);

      // Kafka: what was published before the feed was read is on the feed ...
      List<Published> missing =
          TopicRecords.upTo(
              stack.kafkaBootstrapServers(),
              topic,
              before,
              record -> {
                Published p = Published.of(record);
                return feedIds.contains(p.id()) ? null : p;
              });
      assertThat(missing).as("%s: events on Kafka that are not on the feed", feed).isEmpty();
      // ... and everything on the feed reaches Kafka, each subject's events in the feed's order
      List<Published> records =
          await()
              .atMost(Registrations.PATIENCE)
              .pollInterval(Duration.ofSeconds(2))
              .until(
                  () ->
                      TopicRecords.all(
                          stack.kafkaBootstrapServers(),
                          topic,
                          record -> {
                            Published p = Published.of(record);
                            return feedIds.contains(p.id()) ? p : null;
                          }),
                  r -> r.stream().map(Published::id).collect(Collectors.toSet()).equals(feedIds));
      assertThat(bySubjectOnKafka(records))
          .as("%s: each subject's events in the same order on the feed and on Kafka", feed)
          .isEqualTo(bySubject(all));
    }
  }

  /** One feed read to its end: its entries, and what its pages showed of ID numbers. */
  private record FeedRead(List<Entry> entries, List<String> clearIdNumbers, boolean sawMasked) {}

  /** An event as a record of the topic shows it (with where it is, for a failure's message). */
  private record Published(String key, String id, String type, int partition, long offset) {
    static Published of(ConsumerRecord<String, byte[]> record) {
      try {
        JsonNode event = JSON.readTree(record.value());
        return new Published(
            record.key(),
            event.path("id").asText(),
            event.path("type").asText() + " at " + event.path("time").asText(),
            record.partition(),
            record.offset());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The feed from {@code after} to its end (as it is now), each page checked as it comes for ID
   * numbers in clear and for {@code maskedId} (null: not looked for).
   */
  private static FeedRead read(String token, String feed, long after, String maskedId) {
    List<Entry> entries = new ArrayList<>();
    List<String> clear = new ArrayList<>();
    boolean sawMasked = false;
    long cursor = after;
    while (true) {
      JsonNode page =
          registrations.getWith(
              token, "/api/v1/feed/" + feed + "?limit=" + PAGE + "&after=" + cursor);
      String text = page.toString();
      clear.addAll(IdNumbers.inClear(text));
      sawMasked |= maskedId != null && text.contains(maskedId);
      for (JsonNode item : page.path("events")) {
        JsonNode event = item.path("event");
        entries.add(
            new Entry(
                item.path("cursor").asLong(),
                event.path("id").asText(),
                event.path("subject").asText(),
                event.path("type").asText()));
      }
      long next = page.path("nextCursor").asLong();
      if (!page.path("hasMore").asBoolean()) {
        return new FeedRead(entries, clear, sawMasked);
      }
      assertThat(next).as("a page with more after it moves the cursor").isGreaterThan(cursor);
      cursor = next;
    }
  }

  /** Each subject's event ids in feed order. */
  private static Map<String, List<String>> bySubject(List<Entry> entries) {
    Map<String, List<String>> subjects = new HashMap<>();
    for (Entry e : entries) {
      subjects.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e.id());
    }
    return subjects;
  }

  /**
   * Each key's event ids in topic order; an event published twice (the outbox relay delivers at
   * least once, e.g. across a killed service) counts where it came first.
   */
  private static Map<String, List<String>> bySubjectOnKafka(List<Published> records) {
    Map<String, LinkedHashSet<String>> keys = new LinkedHashMap<>();
    for (Published record : records) {
      keys.computeIfAbsent(record.key(), k -> new LinkedHashSet<>()).add(record.id());
    }
    Map<String, List<String>> subjects = new HashMap<>();
    keys.forEach((key, events) -> subjects.put(key, new ArrayList<>(events)));
    return subjects;
  }

  private static String masked(String idNumber) {
    return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
  }

  /**
   * A traveller from Wuhan with a stay in a risk area, inspected at a checkpoint of a fresh unit by
   * a checkpoint officer of that unit: an inspection with an occupant flagged (OccupantFlagged
   * carries the ID number). The inspection's id.
   */
  private static UUID flaggedOccupant(String idNumber) {
    UUID unit = UUID.randomUUID();
    UUID checkpoint = registrations.activeCheckpoint(unit);
    String officer = officerOf(unit);
    Map<String, Object> occupant = new HashMap<>();
    occupant.put("name", "王芳");
    occupant.put("idNumber", idNumber);
    occupant.put("phone", "13800001234");
    occupant.put("originProvince", "湖北省");
    occupant.put("originCity", "武汉市");
    occupant.put("stayedInRiskArea", true);
    occupant.put("temperature", 36.6);
    occupant.put("destinationTown", "孝泉镇");
    occupant.put("destinationAddress", "孝泉镇民主村3组12号");
    occupant.put("result", "HOME_QUARANTINE");
    Map<String, Object> record = new HashMap<>();
    record.put("clientRecordId", UUID.randomUUID().toString());
    record.put("checkpointId", checkpoint.toString());
    // after the activation, to the millisecond (a time truncated to the second could precede it)
    record.put(
        "inspectedAt",
        OffsetDateTime.now(Registrations.DISTRICT).truncatedTo(ChronoUnit.MILLIS).toString());
    record.put("direction", "INBOUND");
    record.put("plate", "鄂A·12345");
    record.put("vehicleKind", "CAR");
    record.put("inspectorName", "刘芳");
    record.put("inspectorAgency", "旌阳区卫生健康局");
    record.put("occupants", List.of(occupant));
    HttpResponse<String> response =
        registrations.postWith(officer, "/api/v1/checkpoint/inspections", record);
    return UUID.fromString(Registrations.created(response).path("id").asText());
  }

  /** A token of a CHECKPOINT_OFFICER client of {@code unit}, registered for this test. */
  private static String officerOf(UUID unit) {
    String clientId = "system-test-feed-officer-" + Registrations.tag();
    String command = api.token(Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
    HttpResponse<String> registered =
        api.call(
            "POST",
            "/admin/clients",
            command,
            Registrations.write(
                Map.of(
                    "clientId", clientId,
                    "roles", List.of(Roles.CHECKPOINT_OFFICER),
                    "unitId", unit.toString())),
            Map.of());
    String secret = Registrations.created(registered).path("clientSecret").asText();
    return api.token(clientId, secret);
  }
}
