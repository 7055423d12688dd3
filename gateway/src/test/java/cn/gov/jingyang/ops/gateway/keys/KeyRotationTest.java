package cn.gov.jingyang.ops.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jingyang.ops.gateway.token.Jwks;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Test;

/**
 * Key rotation: a new key signs, the old one keeps verifying through the JWKS until it is removed.
 */
class KeyRotationTest {

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static String token(KeyRing ring) {
    Instant now = Instant.now();
    return ring.sign(
        Jwt.issuer("https://ops.jingyang.police/dev")
            .audience("jingyang-ops")
            .subject("province")
            .groups(Set.of("PROVINCIAL_PLATFORM"))
            .issuedAt(now)
            .expiresAt(now.plusSeconds(900))
            .claim("jti", "t-1"));
  }

  @Test
  void shouldKeepVerifyingTheOldKeysTokensUntilTheOldKeyIsRemoved() throws Exception {
    KeyPair old = rsa();
    KeyPair next = rsa();
    RSAPublicKey oldPublic = (RSAPublicKey) old.getPublic();
    RSAPublicKey nextPublic = (RSAPublicKey) next.getPublic();

    KeyRing before = new KeyRing("2026-11", old.getPrivate(), oldPublic, Map.of());
    String signedByOld = token(before);

    KeyRing rotated =
        new KeyRing("2026-12", next.getPrivate(), nextPublic, Map.of("2026-11", oldPublic));
    String signedByNew = token(rotated);
    assertThat(rotated.jwks()).contains("\"kid\":\"2026-11\"").contains("\"kid\":\"2026-12\"");
    assertThat(Jwks.verify(signedByOld, rotated.jwks()).getSubject()).isEqualTo("province");
    assertThat(Jwks.verify(signedByNew, rotated.jwks()).getSubject()).isEqualTo("province");
    assertThatThrownBy(() -> Jwks.verify(signedByNew, before.jwks()))
        .isInstanceOf(InvalidJwtException.class);

    KeyRing retired = new KeyRing("2026-12", next.getPrivate(), nextPublic, Map.of());
    assertThat(Jwks.verify(signedByNew, retired.jwks()).getSubject()).isEqualTo("province");
    assertThatThrownBy(() -> Jwks.verify(signedByOld, retired.jwks()))
        .isInstanceOf(InvalidJwtException.class);
  }

  @Test
  void shouldPublishOnlyPublicKeyMaterial() throws Exception {
    KeyPair key = rsa();
    String jwks =
        new KeyRing("k", key.getPrivate(), (RSAPublicKey) key.getPublic(), Map.of()).jwks();
    assertThat(jwks)
        .contains("\"kty\":\"RSA\"", "\"use\":\"sig\"", "\"alg\":\"RS256\"", "\"n\":", "\"e\":")
        .doesNotContain("\"d\":", "\"p\":", "\"q\":");
  }
}
