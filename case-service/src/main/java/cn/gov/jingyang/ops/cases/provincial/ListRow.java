package cn.gov.jingyang.ops.cases.provincial;

import cn.gov.jingyang.ops.cases.verification.KeyPerson;
import java.util.regex.Pattern;

/**
 * One person of a provincial list, as sent (contracts/imports/key-person-row.schema.json), with its
 * line in the body. {@link #problem()} says why a row cannot be imported, or null.
 */
public record ListRow(
    long line,
    String name,
    String idNumber,
    String phone,
    String address,
    String town,
    String listedAt,
    String reason) {

  private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_DIGITS = "10X98765432";
  private static final int MAX_TEXT = 200;

  public ListRow {
    name = blankToNull(name);
    idNumber = KeyPerson.normalise(blankToNull(idNumber));
    phone = blankToNull(phone);
    address = blankToNull(address);
    town = blankToNull(town);
    listedAt = blankToNull(listedAt);
    reason = blankToNull(reason);
  }

  /** Why this row cannot be imported (naming the field), or null when it can. */
  public String problem() {
    if (name == null) {
      return "name: missing";
    }
    if (idNumber == null) {
      return "idNumber: missing";
    }
    if (!validIdNumber(idNumber)) {
      return "idNumber: not an 18-character resident ID number with a valid check digit";
    }
    if (name.length() > MAX_TEXT) {
      return "name: longer than " + MAX_TEXT + " characters";
    }
    if (phone != null && phone.length() > 30) {
      return "phone: longer than 30 characters";
    }
    if (address != null && address.length() > MAX_TEXT) {
      return "address: longer than " + MAX_TEXT + " characters";
    }
    if (town != null && town.length() > MAX_TEXT) {
      return "town: longer than " + MAX_TEXT + " characters";
    }
    if (reason != null && reason.length() > MAX_TEXT) {
      return "reason: longer than " + MAX_TEXT + " characters";
    }
    return null;
  }

  /** GB 11643: 17 digits and a check digit (0-9 or X) over them. */
  static boolean validIdNumber(String id) {
    if (!ID_NUMBER.matcher(id).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_DIGITS.charAt(sum % 11) == id.charAt(17);
  }

  /** The check digit that completes 17 digits (for generating test lists). */
  public static char checkDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_DIGITS.charAt(sum % 11);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
