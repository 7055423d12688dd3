package cn.gov.jingyang.ops.stack.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Fictional resident ID numbers (GB 11643): a region, a birth date, a sequence and the ISO 7064 MOD
 * 11-2 check character. The same arguments always give the same number.
 */
final class IdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  private IdNumbers() {}

  /** Region (6 digits, e.g. 510603), birth date, sequence 0–999. */
  static String of(String region, LocalDate born, int sequence) {
    String body =
        region + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return body + CHECK[sum % 11];
  }

  /** A number for person {@code n} of a list: born 1950–1999, deterministic. */
  static String nth(String region, int n) {
    LocalDate born =
        LocalDate.of(1950 + Math.floorMod(n * 7, 50), 1, 1).plusDays(Math.floorMod(n * 37, 365));
    return of(region, born, Math.floorMod(n, 1000));
  }
}
