package cn.gov.jingyang.ops.cases.verification;

import java.util.Locale;

/**
 * The person to be visited, in clear (sealed only when stored). The ID number is normalised
 * (trimmed, upper-case X): its lookup is the key that makes a second flag of the same person join
 * the open task.
 */
public record KeyPerson(
    String name, String idNumber, String phone, String address, String town, String townCode) {

  public KeyPerson {
    idNumber = normalise(idNumber);
  }

  public static String normalise(String idNumber) {
    return idNumber == null ? null : idNumber.trim().toUpperCase(Locale.ROOT);
  }
}
