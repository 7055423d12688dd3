package cn.gov.jingyang.ops.bench;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Valid 18-character national ID numbers (check character computed), for generated people. */
final class IdNumbers {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  private IdNumbers() {}

  static String random() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String first17 =
        "510603"
            + LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20_000)).toString().replace("-", "")
            + String.format("%03d", r.nextInt(1000));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }
}
