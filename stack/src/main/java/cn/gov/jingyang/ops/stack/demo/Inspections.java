package cn.gov.jingyang.ops.stack.demo;

import cn.gov.jingyang.ops.infra.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Chapter 4: what the checkpoint tablets uploaded over the two weeks — {@value #PER_DAY} vehicles
 * or pedestrians a day at each checkpoint, their occupants, a few from 湖北 (flagged: home
 * quarantine) or with fever (flagged: referred to health). Every record has a client record id
 * derived from its place in the story, so a second upload is a duplicate, never a second record.
 */
final class Inspections {

  static final int PER_DAY = 50;

  /** Records per upload: a tablet's batch, well inside the gateway's timeout. */
  static final int BATCH = 100;

  static final List<String> TOWNS = List.of("黄许镇", "孝泉镇", "柏隆镇", "天元街道", "城北街道", "德新镇");

  private static final String SURNAMES = "王李張劉陳楊趙黃周吳徐孫胡朱高林何郭馬羅";
  private static final String GIVEN = "建國志明秀英桂蘭海燕德華文傑曉紅永強玉梅小軍";

  private final Story story;
  private final java.util.concurrent.atomic.AtomicInteger flagged =
      new java.util.concurrent.atomic.AtomicInteger();

  Inspections(Story story) {
    this.story = story;
  }

  /** Occupants the risk rules flag in the whole upload (as the story generates them). */
  int flagged() {
    return flagged.get();
  }

  void tell() {
    Parallel.forEach(List.of(0, 1, 2, 3), this::uploadAt);
  }

  /** The fortnight of one checkpoint, in batches of {@link #BATCH}. */
  private void uploadAt(int c) {
    int occupant = c * 10_000;
    {
      String unitCode = Cast.CHECKPOINT_UNITS.get(c);
      PublicApi officer = story.clients.checkpointOfficer(unitCode, story.unit(unitCode));
      UUID checkpoint = story.checkpoint(CheckpointsAndBranches.CHECKPOINTS.get(c).code());
      List<ObjectNode> records = new ArrayList<>();
      for (LocalDate day = Story.FIRST_DAY; !day.isAfter(Story.LAST_DAY); day = day.plusDays(1)) {
        Random random = new Random(day.toEpochDay() * 31 + c);
        UUID inspector = story.person("lead-" + c + "-" + day.getDayOfMonth() % 2);
        for (int i = 0; i < PER_DAY; i++) {
          ObjectNode record = record(c, day, i, random, checkpoint, inspector);
          ArrayNode occupants = record.putArray("occupants");
          int count = record.path("vehicleKind").asText().equals("BUS") ? 4 : 1 + random.nextInt(2);
          for (int k = 0; k < count; k++) {
            occupants.add(occupant(occupant++, random));
          }
          records.add(record);
        }
      }
      for (int from = 0; from < records.size(); from += BATCH) {
        ObjectNode batch = PublicApi.object();
        batch
            .putArray("records")
            .addAll(records.subList(from, Math.min(records.size(), from + BATCH)));
        PublicApi.Answer answer =
            officer.create(
                "/api/v1/checkpoint/inspections/batch",
                batch,
                "inspections-" + c + "-" + from + "-of-" + BATCH);
        JsonNode result = answer.body();
        if (result.path("rejected").asInt() > 0) {
          throw new DemoFailure("inspections rejected: " + result);
        }
        // a replayed answer (same key, an earlier load) tells what that load created, not this one
        story.count("inspections", answer.replayed() ? 0 : result.path("created").asInt());
      }
    }
  }

  private ObjectNode record(
      int c, LocalDate day, int i, Random random, UUID checkpoint, UUID inspector) {
    String[] kinds = {
      "CAR", "CAR", "CAR", "CAR", "VAN", "TRUCK", "TRUCK", "MOTORCYCLE", "BUS", "PEDESTRIAN"
    };
    String kind = kinds[random.nextInt(kinds.length)];
    UUID clientRecordId =
        UUID.nameUUIDFromBytes(
            ("demo-inspection-" + c + "-" + day + "-" + i).getBytes(StandardCharsets.UTF_8));
    ObjectNode record =
        PublicApi.object()
            .put("clientRecordId", clientRecordId.toString())
            .put("checkpointId", checkpoint.toString())
            .put("inspectedAt", Story.at(day, 8 + i * 12 / PER_DAY, random.nextInt(60)).toString())
            .put("direction", random.nextInt(3) == 0 ? "OUTBOUND" : "INBOUND")
            .put("vehicleKind", kind)
            .put("inspectorId", inspector.toString());
    if (!kind.equals("PEDESTRIAN")) {
      String prefix = random.nextInt(10) == 0 ? "川A" : "川F";
      record.put("plate", prefix + String.format("%05d", random.nextInt(100000)));
    }
    return record;
  }

  private ObjectNode occupant(int n, Random random) {
    int roll = random.nextInt(100);
    boolean hubei = roll < 2;
    boolean fever = roll == 2;
    boolean turnedBack = roll == 3;
    String town = TOWNS.get(random.nextInt(TOWNS.size()));
    ObjectNode o =
        PublicApi.object()
            .put("name", name(n))
            .put("idNumber", IdNumbers.nth(hubei ? "420106" : "510603", n))
            .put("phone", String.format("138%08d", n))
            .put("originProvince", hubei ? "湖北省" : "四川省")
            .put("originCity", hubei ? "武漢市" : turnedBack ? "成都市" : "德陽市")
            .put("stayedInRiskArea", hubei)
            .put("temperature", fever ? 38.1 : 36.2 + random.nextInt(9) / 10.0)
            .put("destinationTown", town)
            .put(
                "destinationAddress",
                town + (1 + random.nextInt(12)) + "組" + (1 + random.nextInt(60)) + "號")
            .put(
                "result",
                hubei
                    ? "HOME_QUARANTINE"
                    : fever ? "REFERRED_TO_HEALTH" : turnedBack ? "TURNED_BACK" : "CLEARED");
    if (fever) {
      o.putArray("symptoms").add("FEVER").add("COUGH");
    }
    if (hubei || fever) {
      flagged.incrementAndGet();
    }
    return o;
  }

  static String name(int n) {
    return SURNAMES.charAt(n % SURNAMES.length())
        + ""
        + GIVEN.charAt((n / SURNAMES.length()) % GIVEN.length())
        + GIVEN.charAt((n * 7 + 1) % GIVEN.length());
  }
}
