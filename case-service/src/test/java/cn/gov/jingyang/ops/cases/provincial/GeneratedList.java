package cn.gov.jingyang.ops.cases.provincial;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A generated NDJSON list, produced row by row as it is read (never one String): every 1,000th row
 * (0, 1000, ...) without a name, every 500th (250, 750, ...) the person of the row before again;
 * towns cycle through a covered name (T05), the code of a town no station covers (T08) and an
 * unknown place (towns no other test or example covers). Optionally fails after some rows, like a
 * client whose connection breaks.
 */
final class GeneratedList extends InputStream {

  static final String[] TOWNS = {"旌东街道", "510603-T08", "某某村"};

  private final long base;
  private final int rows;
  private final int failAfter;
  private final Runnable beforeFailing;
  private int next;
  private byte[] current = new byte[0];
  private int at;

  GeneratedList(long base, int rows) {
    this(base, rows, -1, () -> {});
  }

  /** Fails after {@code failAfter} rows, once {@code beforeFailing} has returned. */
  GeneratedList(long base, int rows, int failAfter, Runnable beforeFailing) {
    this.base = base;
    this.rows = rows;
    this.failAfter = failAfter;
    this.beforeFailing = beforeFailing;
  }

  static int bad(int rows) {
    return (rows + 999) / 1000;
  }

  static int duplicates(int rows) {
    return (rows + 249) / 500;
  }

  /** The ID number of row i (a valid check digit; distinct per base and i). */
  String idNumber(int i) {
    int person = i % 500 == 250 ? i - 1 : i;
    String first17 = "51060319" + String.format("%09d", base + person);
    return first17 + ListRow.checkDigit(first17);
  }

  @Override
  public int read() throws IOException {
    if (at == current.length && !advance()) {
      return -1;
    }
    return current[at++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (at == current.length && !advance()) {
      return -1;
    }
    int n = Math.min(len, current.length - at);
    System.arraycopy(current, at, b, off, n);
    at += n;
    return n;
  }

  private boolean advance() throws IOException {
    if (next == failAfter) {
      beforeFailing.run();
      throw new IOException("connection broken after " + failAfter + " rows (test)");
    }
    if (next == rows) {
      return false;
    }
    int i = next++;
    String name = i % 1000 == 0 ? "" : "重点人员" + i;
    String line =
        "{\"name\":\""
            + name
            + "\",\"idNumber\":\""
            + idNumber(i)
            + "\",\"phone\":\"1380000"
            + String.format("%04d", i % 10_000)
            + "\",\"address\":\"某村"
            + (i % 50)
            + "组\",\"town\":\""
            + TOWNS[i % TOWNS.length]
            + "\",\"reason\":\"省平台推送\"}\n";
    current = line.getBytes(StandardCharsets.UTF_8);
    at = 0;
    return true;
  }
}
