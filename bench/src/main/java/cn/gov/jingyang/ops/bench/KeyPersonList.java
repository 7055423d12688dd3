package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.IdNumbers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated provincial key-person list, written twice with the same rows: as NDJSON (what the
 * provincial platform sends to {@code POST /imports}) and as COPY text (what the plain COPY loads).
 * Of every 1,000 rows, 10 are bad (5 without a name, 5 with a wrong ID-number check digit), 5
 * repeat the person of the row before, 10 name a place outside the district (district queue); the
 * others cycle through the district's 17 towns, half by gazetteer code and half by name.
 */
final class KeyPersonList {

  static final String[][] TOWNS = {
    {"510603-T01", "旌阳街道"}, {"510603-T02", "城北街道"}, {"510603-T03", "城南街道"},
    {"510603-T04", "工农街道"}, {"510603-T05", "旌东街道"}, {"510603-T06", "八角井街道"},
    {"510603-T07", "天元街道"}, {"510603-T08", "东湖街道"}, {"510603-T10", "孝泉镇"},
    {"510603-T11", "黄许镇"}, {"510603-T12", "和新镇"}, {"510603-T13", "德新镇"},
    {"510603-T14", "双东镇"}, {"510603-T15", "新中镇"}, {"510603-T16", "柏隆镇"},
    {"510603-T17", "扬嘉镇"}, {"510603-T18", "孝感镇"}
  };

  private final int rows;
  private final long base;

  /** {@code base}: the first person number; lists with bases far apart share no person. */
  KeyPersonList(int rows, long base) {
    this.rows = rows;
    this.base = base;
  }

  int rows() {
    return rows;
  }

  long bad() {
    return count(i -> isBad(i));
  }

  long duplicates() {
    return count(i -> !isBad(i) && isDuplicate(i) && !isBad(i - 1));
  }

  /** New tasks that go to the district queue: the good, first rows outside the district. */
  long unroutable() {
    return count(i -> !isBad(i) && !isDuplicate(i) && i % 1000 % 100 == 63);
  }

  private long count(java.util.function.IntPredicate p) {
    long n = 0;
    for (int i = 0; i < rows; i++) {
      n += p.test(i) ? 1 : 0;
    }
    return n;
  }

  private static boolean isBad(int i) {
    return i % 100 == 37;
  }

  private static boolean isDuplicate(int i) {
    return i % 200 == 99;
  }

  void writeNdjson(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows; i++) {
        Row r = row(i);
        out.write("{\"name\":");
        out.write(r.name == null ? "null" : "\"" + r.name + "\"");
        out.write(",\"idNumber\":\"" + r.idNumber + "\",\"phone\":\"" + r.phone);
        out.write("\",\"address\":\"" + r.address + "\",\"town\":\"" + r.town);
        out.write("\",\"listedAt\":\"" + r.listedAt + "\",\"reason\":\"" + r.reason + "\"}\n");
      }
    }
  }

  /** COPY text format: line, name, ID number, phone, address, town, listed at, reason. */
  void writeCopyText(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows; i++) {
        Row r = row(i);
        out.write((i + 1) + "\t" + (r.name == null ? "\\N" : r.name) + "\t" + r.idNumber);
        out.write("\t" + r.phone + "\t" + r.address + "\t" + r.town + "\t" + r.listedAt);
        out.write("\t" + r.reason + "\n");
      }
    }
  }

  private record Row(
      String name,
      String idNumber,
      String phone,
      String address,
      String town,
      String listedAt,
      String reason) {}

  private Row row(int i) {
    int person = isDuplicate(i) ? i - 1 : i;
    String first17 = "51060319" + String.format("%09d", base + person);
    String id = first17 + checkDigit(first17, isBad(i) && i % 200 != 37);
    String name = isBad(i) && i % 200 == 37 ? null : "重点人员" + person;
    String[] town = TOWNS[person % TOWNS.length];
    String where = person % 100 == 63 ? "湖北省武汉市某某村" : town[person % 2];
    return new Row(
        name,
        id,
        "138" + String.format("%08d", person % 100_000_000),
        "德阳市旌阳区某某路" + (person % 500) + "号",
        where,
        "2020-02-0" + (1 + person % 9) + "T08:00:00+08:00",
        "省平台推送：湖北返乡人员");
  }

  /** GB 11643 check digit over 17 digits; {@code wrong}: a different one on purpose. */
  private static char checkDigit(String first17, boolean wrong) {
    char right = IdNumbers.checkCharacter(first17);
    return wrong ? (right == '0' ? '1' : '0') : right;
  }
}
