package cn.gov.jingyang.ops.gateway.token;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Client secrets and passwords, stored as {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}: PBKDF2 with
 * HMAC-SHA256 from the JDK, a random 16-byte salt and a 32-byte hash, base64. The iteration count
 * ({@code ops.gateway.token.hash-iterations}, 600,000 by default as OWASP advises) is stored with
 * each hash, so raising it affects new hashes and old ones keep verifying. Comparison is in
 * constant time, and an unknown name costs the same as a wrong password ({@link #burn}).
 */
@ApplicationScoped
public class PasswordHash {

  private static final String SCHEME = "pbkdf2-sha256";
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();
  private final SecureRandom random = new SecureRandom();
  private final int iterations;
  private final String decoy;

  public PasswordHash(TokenConfig config) {
    this.iterations = config.hashIterations();
    this.decoy = hash("decoy-" + random.nextLong());
  }

  public String hash(String secret) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return SCHEME
        + "$"
        + iterations
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(derive(secret, salt, iterations));
  }

  /** Whether the secret matches the stored hash (false for a hash this class did not write). */
  public boolean matches(String secret, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    byte[] expected = B64D.decode(parts[3]);
    byte[] actual = derive(secret, B64D.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  /** Spends the time of one verification, for a name that does not exist. */
  public void burn(String secret) {
    matches(secret, decoy);
  }

  private static byte[] derive(String secret, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      spec.clearPassword();
    }
  }

  /** A new random secret: 32 bytes, base64url (43 characters). */
  public String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
