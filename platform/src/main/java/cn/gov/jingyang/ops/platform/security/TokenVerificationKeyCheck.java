package cn.gov.jingyang.ops.platform.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * A service starts only with a key to verify tokens that is not the development key, outside the
 * dev and test profiles ({@link KeyPolicy}); the failure names the keys to set and the process
 * exits non-zero. Runs before every other startup step of the platform.
 */
@ApplicationScoped
public class TokenVerificationKeyCheck {

  /**
   * The development public key bundled with the platform (its private half is in {@code infra}).
   */
  public static final String DEVELOPMENT_KEY_RESOURCE = "jwt/dev-public-key.pem";

  public static final KeyPolicy.KeySetting VERIFICATION_KEY =
      new KeyPolicy.KeySetting(
          "verify the signature of tokens",
          List.of(
              "mp.jwt.verify.publickey.location",
              "mp.jwt.verify.publickey",
              "smallrye.jwt.verify.key.location"),
          "the location of the token issuer's PEM public key (file:/..., a path) or its JWKS URL (https://...),"
              + " or the key itself",
          TokenVerificationKeyCheck::isDevelopmentKey);

  private static final Logger LOG = Logger.getLogger(TokenVerificationKeyCheck.class);

  void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
    if (KeyPolicy.check(ConfigProvider.getConfig(), VERIFICATION_KEY)
        == KeyPolicy.Outcome.DEVELOPMENT_KEY_ALLOWED) {
      LOG.warnf(
          "Tokens are verified with the DEVELOPMENT key (%s=true): anyone can mint tokens this service accepts."
              + " Never in a real deployment.",
          KeyPolicy.ALLOW_DEVELOPMENT_KEY);
    }
  }

  /** The bundled resource by name, or a file or inline value holding the same key. */
  static boolean isDevelopmentKey(String value) {
    String location =
        value.startsWith("classpath:") ? value.substring("classpath:".length()) : value;
    if (location.replaceFirst("^/+", "").equals(DEVELOPMENT_KEY_RESOURCE)) {
      return true;
    }
    String developmentKey = keyMaterial(developmentKeyPem());
    if (value.contains("-----BEGIN") || value.matches("[A-Za-z0-9+/=\\s]{200,}")) {
      return keyMaterial(value).equals(developmentKey);
    }
    try {
      Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      return Files.isRegularFile(file)
          && keyMaterial(Files.readString(file, StandardCharsets.US_ASCII)).equals(developmentKey);
    } catch (IOException | RuntimeException e) {
      return false; // not a readable local file (a URL, a JWKS endpoint): not the bundled key
    }
  }

  private static String keyMaterial(String pem) {
    return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }

  private static String developmentKeyPem() {
    try (InputStream in =
        TokenVerificationKeyCheck.class
            .getClassLoader()
            .getResourceAsStream(DEVELOPMENT_KEY_RESOURCE)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
