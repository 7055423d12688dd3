package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.IdNumbers;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generated inspection records for P1: 1–3 occupants each, 5 % of occupants flagged (a fever, sent
 * to health), valid ID numbers, one checkpoint and one Asia/Shanghai day per batch (as a tablet
 * uploads them). The same rows serve the HTTP upload (as JSON) and the plain JDBC baseline.
 */
final class InspectionLoad {

  record Occupant(String name, String idNumber, String phone, boolean flagged) {
    String result() {
      return flagged ? "REFERRED_TO_HEALTH" : "CLEARED";
    }

    String temperature() {
      return flagged ? "38.5" : "36.5";
    }
  }

  record Record(
      UUID clientRecordId,
      UUID checkpointId,
      OffsetDateTime inspectedAt,
      String plate,
      List<Occupant> occupants) {

    String json() {
      StringBuilder o = new StringBuilder();
      for (Occupant p : occupants) {
        o.append(o.isEmpty() ? "" : ",")
            .append(
                """
                {"name":"%s","idNumber":"%s","phone":"%s","originProvince":"四川省","originCity":"德阳市",\
                "stayedInRiskArea":false,"temperature":%s,"symptoms":[],"destinationTown":"孝泉镇",\
                "destinationAddress":"孝泉镇民主村3组12号","result":"%s"}"""
                    .formatted(p.name(), p.idNumber(), p.phone(), p.temperature(), p.result()));
      }
      return """
          {"clientRecordId":"%s","checkpointId":"%s","inspectedAt":"%s","direction":"INBOUND",\
          "plate":"%s","vehicleKind":"CAR","inspectorName":"张伟 051234",\
          "inspectorAgency":"旌阳区卫生健康局","occupants":[%s]}"""
          .formatted(clientRecordId, checkpointId, inspectedAt, plate, o);
    }
  }

  private final Random random;
  private final List<UUID> checkpoints;
  private int serial;

  InspectionLoad(long seed, List<UUID> checkpoints) {
    this.random = new Random(seed);
    this.checkpoints = checkpoints;
  }

  /** A batch of {@code size} records at one checkpoint on one day (days cycle over a week). */
  synchronized List<Record> batch(int size) {
    UUID checkpoint = checkpoints.get(random.nextInt(checkpoints.size()));
    LocalDate day = LocalDate.of(2020, 2, 3).plusDays(random.nextInt(7));
    List<Record> records = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      records.add(record(checkpoint, day));
    }
    return records;
  }

  synchronized Record record(UUID checkpoint, LocalDate day) {
    serial++;
    int count = 1 + random.nextInt(3);
    List<Occupant> occupants = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      occupants.add(
          new Occupant(
              "王" + (char) ('一' + random.nextInt(200)),
              idNumber(),
              "139%08d".formatted(random.nextInt(100_000_000)),
              random.nextInt(100) < 5));
    }
    OffsetDateTime at =
        day.atTime(8, 0).atOffset(ZoneOffset.ofHours(8)).plusSeconds(random.nextInt(12 * 3600));
    return new Record(
        UUID.randomUUID(), checkpoint, at, "川F%05d".formatted(serial % 100_000), occupants);
  }

  static String batchJson(List<Record> records) {
    StringBuilder body = new StringBuilder("{\"records\":[");
    for (int i = 0; i < records.size(); i++) {
      body.append(i == 0 ? "" : ",").append(records.get(i).json());
    }
    return body.append("]}").toString();
  }

  static long occupants(List<Record> records) {
    return records.stream().mapToLong(r -> r.occupants().size()).sum();
  }

  static long flagged(List<Record> records) {
    return records.stream().flatMap(r -> r.occupants().stream()).filter(Occupant::flagged).count();
  }

  private String idNumber() {
    return IdNumbers.of(
        IdNumbers.DISTRICT,
        LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)),
        random.nextInt(1000));
  }
}
