package cn.gov.jingyang.ops.system.verification;

import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.system.GatewayApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inspection batches uploaded by checkpoint tablets through the gateways, as the offline-first
 * client does: a batch that gets no answer, or an error, is sent again as it was (same {@code
 * Idempotency-Key}, same client record ids) until an answer says what became of each record. Only
 * answers the client got count as acknowledged.
 */
final class InspectionLoad {

  /** A record the system acknowledged: stored (created, or a duplicate of a stored one). */
  record Acknowledged(UUID clientRecordId, UUID inspectionId, boolean flagged) {}

  private static final AtomicInteger PEOPLE = new AtomicInteger();

  private final CheckpointLane lane;
  private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
  private final Map<Integer, AtomicInteger> failedAnswers = new ConcurrentHashMap<>();
  private final AtomicInteger batchesAcknowledged = new AtomicInteger();

  InspectionLoad(CheckpointLane lane) {
    this.lane = lane;
  }

  /**
   * Uploads one batch of {@code records} cars, one traveller each, every {@code flaggedEvery}th
   * from the risk region, through {@code gateway}; returns once an answer came (or fails after
   * {@code patience}).
   */
  void upload(String gateway, int records, int flaggedEvery, Duration patience) {
    List<Map<String, Object>> batch = new ArrayList<>();
    Set<String> flagged = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < records; i++) {
      boolean risk = i % flaggedEvery == 0;
      String clientRecordId = UUID.randomUUID().toString();
      if (risk) {
        flagged.add(clientRecordId);
      }
      batch.add(record(clientRecordId, risk));
    }
    String body = GatewayApi.body(Map.of("records", batch));
    Map<String, String> headers = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    HttpResponse<String> answer =
        await("batch through " + gateway)
            .atMost(patience)
            .pollInterval(Duration.ofSeconds(1))
            .ignoreExceptions()
            .until(
                () -> {
                  HttpResponse<String> sent =
                      GatewayApi.call(
                          "POST",
                          gateway + "/api/v1/checkpoint/inspections/batch",
                          lane.officer(),
                          body,
                          "application/json",
                          headers);
                  if (sent.statusCode() != 200) {
                    failedAnswers
                        .computeIfAbsent(sent.statusCode(), s -> new AtomicInteger())
                        .incrementAndGet();
                  }
                  return sent;
                },
                sent -> sent.statusCode() == 200);
    for (JsonNode result : GatewayApi.json(answer).path("results")) {
      String outcome = result.path("outcome").asText();
      if (outcome.equals("CREATED") || outcome.equals("DUPLICATE")) {
        String id = result.path("clientRecordId").asText();
        acknowledged.add(
            new Acknowledged(
                UUID.fromString(id),
                UUID.fromString(result.path("inspectionId").asText()),
                flagged.contains(id)));
      }
    }
    batchesAcknowledged.incrementAndGet();
  }

  List<Acknowledged> acknowledged() {
    return List.copyOf(acknowledged);
  }

  int batchesAcknowledged() {
    return batchesAcknowledged.get();
  }

  /** Status → how many answers of that status the client got before a batch went through. */
  Map<Integer, Integer> failedAnswers() {
    Map<Integer, Integer> seen = new HashMap<>();
    failedAnswers.forEach((status, count) -> seen.put(status, count.get()));
    return seen;
  }

  private Map<String, Object> record(String clientRecordId, boolean risk) {
    String idNumber = newIdNumber();
    Map<String, Object> occupant = new HashMap<>();
    occupant.put("name", "旅客" + idNumber.substring(14));
    occupant.put("idNumber", idNumber);
    occupant.put("originProvince", risk ? CheckpointLane.RISK_PROVINCE : "四川省");
    occupant.put("originCity", risk ? "武汉市" : "德阳市");
    occupant.put("stayedInRiskArea", false);
    occupant.put("temperature", 36.5);
    occupant.put("destinationTown", "孝泉镇");
    occupant.put("destinationAddress", "孝泉镇民主村3组12号");
    occupant.put("result", risk ? "HOME_QUARANTINE" : "CLEARED");
    Map<String, Object> record = new HashMap<>();
    record.put("clientRecordId", clientRecordId);
    record.put("checkpointId", lane.checkpoint().toString());
    record.put("inspectedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).toString());
    record.put("direction", "INBOUND");
    record.put("plate", "川F" + (10000 + PEOPLE.get() % 90000));
    record.put("vehicleKind", "CAR");
    record.put("inspectorId", lane.inspector().toString());
    record.put("occupants", List.of(occupant));
    return record;
  }

  /** A valid ID number of the district, a different person each time (one task per person). */
  private static String newIdNumber() {
    int n = PEOPLE.incrementAndGet();
    LocalDate born = LocalDate.of(1960, 1, 1).plusDays(n / 1000);
    return IdNumbers.complete(
        "510603" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(n % 1000));
  }
}
