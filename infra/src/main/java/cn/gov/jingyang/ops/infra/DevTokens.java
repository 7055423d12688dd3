package cn.gov.jingyang.ops.infra;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Mints signed JWTs with the <b>development</b> key pair, whose public half the services trust by
 * default. For tests and the README's examples until the gateway's token endpoint exists; a
 * production deployment configures its own public key and this private key is worthless there.
 */
public final class DevTokens {

  public static final String ISSUER = "https://ops.jingyang.police/dev";
  private static final PrivateKey DEV_KEY = loadDevKey();

  private DevTokens() {}

  public static String token(String subject, String... roles) {
    return sign(DEV_KEY, subject, Duration.ofHours(8), roles);
  }

  /** A token signed by a key nobody trusts: services must refuse it. */
  public static String tokenSignedByAnotherKey(String subject, String... roles) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return sign(generator.generateKeyPair().getPrivate(), subject, Duration.ofHours(1), roles);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String expiredToken(String subject, String... roles) {
    long past = System.currentTimeMillis() / 1000 - 3600;
    return Jwt.issuer(ISSUER)
        .upn(subject)
        .groups(Set.of(roles))
        .issuedAt(past - 600)
        .expiresAt(past)
        .sign(DEV_KEY);
  }

  private static String sign(PrivateKey key, String subject, Duration lifetime, String... roles) {
    return Jwt.issuer(ISSUER)
        .upn(subject)
        .subject(subject)
        .groups(Set.of(roles))
        .expiresIn(lifetime)
        .sign(key);
  }

  private static PrivateKey loadDevKey() {
    try (InputStream in = DevTokens.class.getResourceAsStream("dev-private-key.pem")) {
      String pem =
          new String(in.readAllBytes(), StandardCharsets.US_ASCII)
              .replaceAll("-----[A-Z ]+-----", "")
              .replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code DevTokens <subject> <ROLE> [ROLE...]} prints a development token. */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: token <subject> <ROLE> [ROLE...]");
      System.exit(2);
    }
    String[] roles = java.util.Arrays.copyOfRange(args, 1, args.length);
    System.out.println(token(args[0], roles));
  }
}
