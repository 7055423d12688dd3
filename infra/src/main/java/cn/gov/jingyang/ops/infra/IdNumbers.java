package cn.gov.jingyang.ops.infra;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fictional resident ID numbers (GB 11643) for generated people — the demo, benchmarks and system
 * tests: a region, a birth date, a sequence and the ISO 7064 MOD 11-2 check character. The services
 * validate numbers with their own code; the services' tests compute their oracle independently.
 * {@link #inClear} is the scanner the tests judge masking with: every valid number left in a text.
 */
public final class IdNumbers {

  /** The district's region code (旌阳区). */
  public static final String DISTRICT = "510603";

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  /** 17 digits and a check digit or X, not inside a longer run of digits. */
  private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])");

  private IdNumbers() {}

  /**
   * Every valid ID number in clear in a text — a feed page, a log — in the order found: what
   * masking should have left none of. Valid means the structure of GB 11643, not only the check
   * character: a region code whose first digit is a province group (1–8), a real birth date in
   * 1900–2099 and the check character. The check character alone would take one in eleven runs of
   * 18 digits — and the 32 hex characters of a trace id in every log line hold such runs often
   * enough to fail a scan of a busy log now and then.
   */
  public static List<String> inClear(CharSequence text) {
    List<String> found = new ArrayList<>();
    Matcher m = CANDIDATE.matcher(text);
    while (m.find()) {
      String candidate = m.group().toUpperCase(Locale.ROOT);
      if (isValid(candidate)) {
        found.add(candidate);
      }
    }
    return found;
  }

  /** Whether 18 characters (upper-case X) are a valid number: region group, birth date, check. */
  static boolean isValid(String candidate) {
    char group = candidate.charAt(0);
    return group >= '1'
        && group <= '8'
        && bornOnARealDay(candidate.substring(6, 14))
        && candidate.charAt(17) == checkCharacter(candidate.substring(0, 17));
  }

  private static boolean bornOnARealDay(String yyyymmdd) {
    int year = Integer.parseInt(yyyymmdd.substring(0, 4));
    if (year < 1900 || year > 2099) {
      return false;
    }
    try {
      LocalDate.of(
          year,
          Integer.parseInt(yyyymmdd.substring(4, 6)),
          Integer.parseInt(yyyymmdd.substring(6, 8)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /** The check character of a number's first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /** The 17 digits with their check character. */
  public static String complete(String first17) {
    return first17 + checkCharacter(first17);
  }

  /** Region (6 digits, e.g. 510603), birth date, sequence 0–999. */
  public static String of(String region, LocalDate born, int sequence) {
    return complete(
        region + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence));
  }

  /** A number for person {@code n} of a list: born 1950–1999, deterministic. */
  public static String nth(String region, int n) {
    LocalDate born =
        LocalDate.of(1950 + Math.floorMod(n * 7, 50), 1, 1).plusDays(Math.floorMod(n * 37, 365));
    return of(region, born, Math.floorMod(n, 1000));
  }

  /** A random number of the district, born 1950–2004 (two calls rarely agree). */
  public static String random() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return of(DISTRICT, LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20_000)), r.nextInt(1000));
  }
}
