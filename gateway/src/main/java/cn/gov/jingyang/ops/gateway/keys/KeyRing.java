package cn.gov.jingyang.ops.gateway.keys;

import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The gateway's RSA keys: one active key that signs (RS256, its id in the token's {@code kid}
 * header), and every key whose tokens may still be in use or soon will be, published as a JWKS.
 * Rotation: publish the next key as verify-only, make it the active one, keep the previous one as
 * verify-only until the tokens it signed have expired, then drop it.
 */
public final class KeyRing {

  private final String activeKeyId;
  private final PrivateKey signingKey;
  private final Map<String, RSAPublicKey> publicKeys;

  /**
   * @param verifyOnly further public keys by id, published but never used to sign
   */
  public KeyRing(
      String activeKeyId,
      PrivateKey signingKey,
      RSAPublicKey activePublicKey,
      Map<String, RSAPublicKey> verifyOnly) {
    if (activeKeyId == null || activeKeyId.isBlank()) {
      throw new IllegalArgumentException("the active signing key needs an id");
    }
    if (verifyOnly.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          "key id " + activeKeyId + " is both the active key and a verify-only key");
    }
    this.activeKeyId = activeKeyId;
    this.signingKey = signingKey;
    Map<String, RSAPublicKey> keys = new LinkedHashMap<>();
    keys.put(activeKeyId, activePublicKey);
    keys.putAll(verifyOnly);
    this.publicKeys = Collections.unmodifiableMap(keys);
  }

  public String activeKeyId() {
    return activeKeyId;
  }

  public Map<String, RSAPublicKey> publicKeys() {
    return publicKeys;
  }

  /** Signs the claims with the active key, naming it in the {@code kid} header. */
  public String sign(JwtClaimsBuilder claims) {
    return claims
        .jws()
        .keyId(activeKeyId)
        .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
        .sign(signingKey);
  }

  /** The public keys as a JSON Web Key Set (RFC 7517): kty, kid, use, alg, n, e. */
  public String jwks() {
    List<JsonWebKey> keys = new ArrayList<>();
    publicKeys.forEach(
        (kid, key) -> {
          RsaJsonWebKey jwk = new RsaJsonWebKey(key);
          jwk.setKeyId(kid);
          jwk.setUse("sig");
          jwk.setAlgorithm("RS256");
          keys.add(jwk);
        });
    return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
  }
}
