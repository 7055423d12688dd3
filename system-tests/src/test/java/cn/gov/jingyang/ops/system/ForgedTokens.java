package cn.gov.jingyang.ops.system;

import cn.gov.jingyang.ops.infra.DevTokens;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Tokens an attacker or a broken client could send, each wrong in one way only: like the gateway's
 * own (issuer, audience, {@code kid}, role) but expired, signed by another key, from another
 * issuer, or not signed at all ({@code alg: none}).
 */
enum ForgedTokens {
  EXPIRED(stack -> stack.signingKey().getPrivate(), DevTokens.ISSUER, -600),
  ANOTHER_KEY(stack -> anotherKey(), DevTokens.ISSUER, 600),
  WRONG_ISSUER(stack -> stack.signingKey().getPrivate(), "https://intruder.example/issuer", 600),
  /** A valid token of the gateway's key, its header changed to {@code alg: none}, unsigned. */
  ALG_NONE(stack -> stack.signingKey().getPrivate(), DevTokens.ISSUER, 600);

  private static final String AUDIENCE = "jingyang-ops";
  private static final PrivateKey ANOTHER = generate();

  private final Function<SystemStack, PrivateKey> key;
  private final String issuer;
  private final long expiresInSeconds;

  ForgedTokens(Function<SystemStack, PrivateKey> key, String issuer, long expiresInSeconds) {
    this.key = key;
    this.issuer = issuer;
    this.expiresInSeconds = expiresInSeconds;
  }

  String token(SystemStack stack, String subject, String role) {
    long now = Instant.now().getEpochSecond();
    JwtClaimsBuilder claims =
        Jwt.issuer(issuer)
            .audience(AUDIENCE)
            .subject(subject)
            .upn(subject)
            .groups(Set.of(role))
            .claim("jti", UUID.randomUUID().toString())
            .issuedAt(now - 1200)
            .expiresAt(now + expiresInSeconds);
    // the gateway's kid: the service looks up the gateway's key, the signature must not match it
    String signed = claims.jws().keyId(stack.keyId()).sign(key.apply(stack));
    return this == ALG_NONE ? unsigned(signed) : signed;
  }

  private static String unsigned(String signed) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + signed.split("\\.")[1]
        + ".";
  }

  private static PrivateKey anotherKey() {
    return ANOTHER;
  }

  private static PrivateKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
