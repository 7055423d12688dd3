package cn.gov.jingyang.ops.infra;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys for sealing personal data made for one run (tests, a stack without development keys), in the
 * form {@code OPS_PERSONAL_DATA_KEYS} and {@code OPS_PERSONAL_DATA_LOOKUP_KEY} take them.
 */
public final class SealingKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SealingKeys() {}

  /** 256 random bits, base64. */
  public static String random() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
