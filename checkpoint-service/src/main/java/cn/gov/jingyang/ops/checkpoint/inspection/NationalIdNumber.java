package cn.gov.jingyang.ops.checkpoint.inspection;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The 18-character resident ID number (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check
 * character.
 */
public final class NationalIdNumber {

  public static final String FORMAT = "^\\d{17}[0-9Xx]$";
  private static final Pattern PATTERN = Pattern.compile(FORMAT);
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private NationalIdNumber() {}

  public static boolean hasFormat(String id) {
    return id != null && PATTERN.matcher(id).matches();
  }

  /** The check character the first 17 digits call for. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /**
   * True when the 18th character is the MOD 11-2 check character of the first 17 ('x' counts as
   * 'X').
   */
  public static boolean hasValidCheckDigit(String id) {
    return hasFormat(id)
        && Character.toUpperCase(id.charAt(17)) == checkCharacter(id.substring(0, 17));
  }

  /** True when characters 7–14 are a real date. */
  public static boolean hasValidBirthDate(String id) {
    if (!hasFormat(id)) {
      return false;
    }
    try {
      LocalDate birth =
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14)));
      return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
    } catch (DateTimeException e) {
      return false;
    }
  }

  public static String normalise(String id) {
    return id == null ? null : id.trim().toUpperCase(Locale.ROOT);
  }
}
