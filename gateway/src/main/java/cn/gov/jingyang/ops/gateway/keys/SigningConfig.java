package cn.gov.jingyang.ops.gateway.keys;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The gateway's signing keys, under {@code ops.gateway.signing.*} ({@link SigningKeys}). */
@ConfigMapping(prefix = "ops.gateway.signing")
public interface SigningConfig {

  /** The active key's id: the {@code kid} of the tokens it signs. */
  @WithDefault("key-1")
  String keyId();

  /**
   * Where the active key is: an RSA private key in PKCS#8 PEM ({@code file:}, a path, {@code
   * classpath:}).
   */
  Optional<String> privateKeyLocation();

  /** The active key's PEM itself, instead of a location. */
  Optional<String> privateKey();

  /** {@code KEY_ID=LOCATION} entries: public keys published in the JWKS that never sign. */
  Optional<List<String>> verifyOnlyKeys();
}
