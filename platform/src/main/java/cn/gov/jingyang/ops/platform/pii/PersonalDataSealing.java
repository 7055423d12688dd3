package cn.gov.jingyang.ops.platform.pii;

import cn.gov.jingyang.ops.platform.security.KeyPolicy;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Seals national ID numbers and phones for storage and events (GB/T 35273: sensitive personal
 * information encrypted at rest): AES-256-GCM with a random 96-bit IV, written {@code pd1:<key
 * id>:<base64url(iv ‖ ciphertext ‖ tag)>}, the key id bound as associated data. Sealing the same
 * value twice gives different texts, so equality goes through {@link #lookup}, a keyed hash
 * (HMAC-SHA256) of the trimmed, upper-cased value, stored beside the sealed one for exact search
 * and de-duplication.
 *
 * <p>Keys come from configuration ({@value #KEYS}, {@value #LOOKUP_KEY}; see {@link SealingKeys}).
 * Public development keys are the defaults of the dev and test profiles only; in production a
 * service refuses to start without keys of its own, under the same {@link KeyPolicy} as the token
 * keys ({@code ./stackctl} opts in to the development keys).
 */
@ApplicationScoped
public class PersonalDataSealing {

  public static final String KEYS = "ops.personal-data.keys";
  public static final String LOOKUP_KEY = "ops.personal-data.lookup-key";

  /** The development key ring and lookup key: public, in this repository. */
  public static final String DEVELOPMENT_KEY = "amluZ3lhbmctZGV2LXBlcnNvbmFsLWRhdGEta2V5ISE=";

  public static final String DEVELOPMENT_KEYS = "dev:" + DEVELOPMENT_KEY;

  public static final String DEVELOPMENT_LOOKUP_KEY =
      "amluZ3lhbmctZGV2LWxvb2t1cC1rZXktcHVibGljISE=";

  static final String PREFIX = "pd1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SealingKeys keys;
  private final SecretKey lookupKey;
  private final ThreadLocal<Mac> macs;

  /** From this service's configuration, checked against the key policy. */
  public PersonalDataSealing() {
    this(ConfigProvider.getConfig());
  }

  PersonalDataSealing(Config config) {
    check(config, KEYS, "seal personal data at rest", DEVELOPMENT_KEY);
    check(config, LOOKUP_KEY, "compute lookups of personal data", DEVELOPMENT_LOOKUP_KEY);
    try {
      this.keys = SealingKeys.parse(config.getValue(KEYS, String.class));
      this.lookupKey = SealingKeys.lookupKey(config.getValue(LOOKUP_KEY, String.class));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(KEYS + " / " + LOOKUP_KEY + ": " + e.getMessage());
    }
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** A sealing with the given key ring and lookup key (tools and tests: rotation). */
  public static PersonalDataSealing of(String keyRing, String lookupKey) {
    return new PersonalDataSealing(SealingKeys.parse(keyRing), SealingKeys.lookupKey(lookupKey));
  }

  private PersonalDataSealing(SealingKeys keys, SecretKey lookupKey) {
    this.keys = keys;
    this.lookupKey = lookupKey;
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The sealed text of a value; null stays null. */
  public String seal(String clear) {
    if (clear == null) {
      return null;
    }
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.activeId(), iv);
      byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return PREFIX
          + keys.activeId()
          + ':'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealing failed", e);
    }
  }

  /**
   * The clear value of a sealed text; null stays null, and a text that is not sealed (a row the
   * {@link Resealer} has not converted yet) is returned as it is.
   *
   * @throws IllegalStateException when the key is unknown or the text was altered
   */
  public String open(String stored) {
    if (!isSealed(stored)) {
      return stored;
    }
    int colon = stored.indexOf(':', PREFIX.length());
    if (colon < 0) {
      throw new IllegalStateException("sealed text without a key id");
    }
    String keyId = stored.substring(PREFIX.length(), colon);
    if (!keys.byId().containsKey(keyId)) {
      throw new IllegalStateException(
          "sealed with key " + keyId + ", which is not in " + KEYS + " (rotated out too early?)");
    }
    try {
      byte[] in = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, Arrays.copyOf(in, IV_BYTES));
      byte[] clear = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("sealed text with key " + keyId + " does not open", e);
    }
  }

  /** The keyed hash of a value (trimmed, upper-cased) for exact lookup; null stays null. */
  public String lookup(String clear) {
    if (clear == null) {
      return null;
    }
    byte[] mac =
        macs.get().doFinal(clear.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
  }

  /** Whether a stored text is sealed (with any key). */
  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** Whether a stored text is sealed with the key that seals now (rotation leaves it alone). */
  public boolean sealedWithActiveKey(String stored) {
    return stored != null && stored.startsWith(activePrefix());
  }

  /** The id of the key that seals now. */
  public String activeKeyId() {
    return keys.activeId();
  }

  private String activePrefix() {
    return PREFIX + keys.activeId() + ':';
  }

  private Cipher cipher(int mode, String keyId, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, keys.byId().get(keyId), new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
    return cipher;
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(lookupKey);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  private static void check(Config config, String property, String purpose, String development) {
    KeyPolicy.check(
        config,
        new KeyPolicy.KeySetting(
            purpose,
            List.of(property),
            property.equals(KEYS)
                ? "<id>:<base64 of 32 random bytes>[,<older id>:<base64>...], the first seals"
                : "base64 of 32 random bytes",
            value -> value.contains(development)));
  }
}
