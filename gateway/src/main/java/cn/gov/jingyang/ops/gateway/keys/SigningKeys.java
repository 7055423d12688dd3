package cn.gov.jingyang.ops.gateway.keys;

import cn.gov.jingyang.ops.platform.security.KeyPolicy;
import cn.gov.jingyang.ops.platform.security.TokenVerificationKeyCheck;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The gateway's key ring from configuration. Outside the dev and test profiles the gateway refuses
 * to start without a signing key of its own, and refuses the development key unless {@value
 * KeyPolicy#ALLOW_DEVELOPMENT_KEY}{@code =true} (./stackctl only) — the same {@link KeyPolicy} the
 * services apply to their verification key.
 */
@ApplicationScoped
public class SigningKeys {

  public static final String KEY_ID = "ops.gateway.signing.key-id";
  public static final String PRIVATE_KEY_LOCATION = "ops.gateway.signing.private-key-location";
  public static final String PRIVATE_KEY = "ops.gateway.signing.private-key";
  public static final String VERIFY_ONLY_KEYS = "ops.gateway.signing.verify-only-keys";

  public static final KeyPolicy.KeySetting SIGNING_KEY =
      new KeyPolicy.KeySetting(
          "sign the tokens the gateway issues",
          List.of(PRIVATE_KEY_LOCATION, PRIVATE_KEY),
          "the location of an RSA private key in PKCS#8 PEM (file:/..., a path), or the PEM itself;"
              + " name it with "
              + KEY_ID,
          SigningKeys::isDevelopmentKey);

  private static final Logger LOG = Logger.getLogger(SigningKeys.class);

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    if (KeyPolicy.check(ConfigProvider.getConfig(), SIGNING_KEY)
        == KeyPolicy.Outcome.DEVELOPMENT_KEY_ALLOWED) {
      LOG.warnf(
          "The gateway signs tokens with the DEVELOPMENT key (%s=true): anyone can mint tokens"
              + " like them. Never in a real deployment.",
          KeyPolicy.ALLOW_DEVELOPMENT_KEY);
    }
  }

  @Produces
  @ApplicationScoped
  KeyRing keyRing(SigningConfig config) {
    return load(config);
  }

  /** Reads the ring: the active key (id and private key) and the verify-only public keys. */
  public static KeyRing load(SigningConfig config) {
    String pem =
        config
            .privateKey()
            .filter(v -> !v.isBlank())
            .or(() -> config.privateKeyLocation().filter(v -> !v.isBlank()).map(PemKeys::read))
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "set " + PRIVATE_KEY_LOCATION + " or " + PRIVATE_KEY));
    RSAPrivateCrtKey signing = PemKeys.privateKey(pem);
    Map<String, RSAPublicKey> verifyOnly = new LinkedHashMap<>();
    for (String entry : config.verifyOnlyKeys().orElse(List.of())) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new ConfigurationException(
            VERIFY_ONLY_KEYS + " takes KEY_ID=LOCATION entries, comma-separated");
      }
      verifyOnly.put(
          entry.substring(0, eq).trim(), PemKeys.publicKey(PemKeys.read(entry.substring(eq + 1))));
    }
    return new KeyRing(config.keyId(), signing, PemKeys.publicHalf(signing), verifyOnly);
  }

  /** A value naming the development private key, or holding a key whose public half is its. */
  static boolean isDevelopmentKey(String value) {
    if (value.endsWith("dev-private-key.pem")) {
      return true;
    }
    try (InputStream in =
        SigningKeys.class
            .getClassLoader()
            .getResourceAsStream(TokenVerificationKeyCheck.DEVELOPMENT_KEY_RESOURCE)) {
      if (in == null) {
        return false;
      }
      RSAPublicKey development =
          PemKeys.publicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
      return PemKeys.publicKey(PemKeys.read(value)).getModulus().equals(development.getModulus());
    } catch (Exception e) {
      return false; // unreadable here: not the bundled key; loading it will say what is wrong
    }
  }
}
