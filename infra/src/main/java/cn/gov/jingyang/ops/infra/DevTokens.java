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
    return sign(DEV_KEY, subject, Duration.ofHours(8), null, roles);
  }

  /**
   * A token whose claim {@code unit} names the caller's unit (a unit id): a STATION_OFFICER's lists
   * are scoped to it.
   */
  public static String tokenForUnit(String subject, String unit, String... roles) {
    return sign(DEV_KEY, subject, Duration.ofHours(8), unit, roles);
  }

  /** A token signed by a key nobody trusts: services must refuse it. */
  public static String tokenSignedByAnotherKey(String subject, String... roles) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return sign(
          generator.generateKeyPair().getPrivate(), subject, Duration.ofHours(1), null, roles);
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

  private static String sign(
      PrivateKey key, String subject, Duration lifetime, String unit, String... roles) {
    var claims = Jwt.issuer(ISSUER).upn(subject).subject(subject).groups(Set.of(roles));
    if (unit != null) {
      claims.claim("unit", unit);
    }
    return claims.expiresIn(lifetime).sign(key);
  }

  /**
   * The development private key in PKCS#8 PEM: ./stackctl hands it to the gateway, which signs with
   * it there (so its tokens and {@code ./stackctl token}'s are accepted alike).
   */
  public static String privateKeyPem() {
    try (InputStream in = DevTokens.class.getResourceAsStream("dev-private-key.pem")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PrivateKey loadDevKey() {
    try {
      String pem = privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code DevTokens <subject> <ROLE> [ROLE...] [--unit UNIT]} prints a development token; {@code
   * --unit} adds the claim {@code unit}.
   */
  public static void main(String[] args) {
    java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(args));
    String unit = null;
    int flag = rest.indexOf("--unit");
    if (flag >= 0) {
      if (flag + 1 >= rest.size()) {
        System.err.println("--unit needs a unit id");
        System.exit(2);
      }
      unit = rest.get(flag + 1);
      rest.subList(flag, flag + 2).clear();
    }
    if (rest.size() < 2) {
      System.err.println("usage: token <subject> <ROLE> [ROLE...] [--unit UNIT]");
      System.exit(2);
    }
    String[] roles = rest.subList(1, rest.size()).toArray(String[]::new);
    System.out.println(tokenForUnit(rest.get(0), unit, roles));
  }
}
