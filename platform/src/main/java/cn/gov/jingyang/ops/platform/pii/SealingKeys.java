package cn.gov.jingyang.ops.platform.pii;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key ring personal data is sealed with, parsed from {@code ops.personal-data.keys}: a
 * comma-separated list of {@code <id>:<base64 of 32 bytes>}. The first key seals; every listed key
 * opens. Rotation: put a new key first and keep the old ones listed until the resealer has
 * converted every row ({@link Resealer}); then the old key may go.
 */
record SealingKeys(String activeId, Map<String, SecretKey> byId) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

  static SealingKeys parse(String ring) {
    if (ring == null || ring.isBlank()) {
      throw new IllegalArgumentException("no key: expected <id>:<base64 of 32 bytes>[,...]");
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    String active = null;
    for (String entry : ring.split(",")) {
      String e = entry.trim();
      int colon = e.indexOf(':');
      String id = colon < 0 ? "" : e.substring(0, colon);
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "a key must be written <id>:<base64>, the id 1-16 letters, digits, _ or -");
      }
      byte[] bytes = decode(id, e.substring(colon + 1));
      if (keys.put(id, new SecretKeySpec(bytes, "AES")) != null) {
        throw new IllegalArgumentException("key id " + id + " is listed twice");
      }
      active = active == null ? id : active;
    }
    return new SealingKeys(active, Map.copyOf(keys));
  }

  /** A 32-byte HMAC key, base64. */
  static SecretKey lookupKey(String base64) {
    return new SecretKeySpec(decode("lookup", base64 == null ? "" : base64), "HmacSHA256");
  }

  private static byte[] decode(String id, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("key " + id + " is not base64");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          "key " + id + " has " + bytes.length + " bytes; 32 are needed (AES-256, HMAC-SHA256)");
    }
    return bytes;
  }
}
