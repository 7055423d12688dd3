package cn.gov.jingyang.ops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which key settings let a service start, by profile (the process-level proof is stack's
 * ProductionKeyTest).
 */
class KeyPolicyTest {

  private static SmallRyeConfig config(String profile, Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withProfile(profile)
        .withSources(new PropertiesConfigSource(values, "test", 500))
        .build();
  }

  private static KeyPolicy.Outcome check(String profile, Map<String, String> values) {
    return KeyPolicy.check(config(profile, values), TokenVerificationKeyCheck.VERIFICATION_KEY);
  }

  private static String developmentKeyPem() throws Exception {
    try (InputStream in =
        KeyPolicyTest.class.getClassLoader().getResourceAsStream("jwt/dev-public-key.pem")) {
      return new String(in.readAllBytes());
    }
  }

  @Test
  void shouldRefuseProductionWithoutAKeyNamingTheSettingsToSet() {
    assertThatThrownBy(() -> check("prod", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No key to verify the signature of tokens is configured")
        .hasMessageContaining(
            "mp.jwt.verify.publickey.location (environment MP_JWT_VERIFY_PUBLICKEY_LOCATION)")
        .hasMessageContaining("mp.jwt.verify.publickey (environment MP_JWT_VERIFY_PUBLICKEY)");
  }

  @Test
  void shouldAcceptADeploymentsOwnKeyOrJwksInProduction() {
    assertThat(
            check(
                "prod",
                Map.of(
                    "mp.jwt.verify.publickey.location", "https://idp.jingyang.police/jwks.json")))
        .isEqualTo(KeyPolicy.Outcome.DEPLOYMENT_KEY);
    assertThat(check("prod", Map.of("mp.jwt.verify.publickey.location", "/etc/ops/issuer.pem")))
        .isEqualTo(KeyPolicy.Outcome.DEPLOYMENT_KEY);
  }

  @Test
  void shouldRefuseTheDevelopmentKeyInProductionByNameFileOrContentWithoutTheOptIn(
      @TempDir Path dir) throws Exception {
    Path copy = Files.writeString(dir.resolve("renamed.pem"), developmentKeyPem());
    for (Map<String, String> values :
        java.util.List.of(
            Map.of("mp.jwt.verify.publickey.location", "jwt/dev-public-key.pem"),
            Map.of("mp.jwt.verify.publickey.location", "classpath:/jwt/dev-public-key.pem"),
            Map.of("mp.jwt.verify.publickey.location", copy.toString()),
            Map.of("mp.jwt.verify.publickey.location", copy.toUri().toString()),
            Map.of("mp.jwt.verify.publickey", developmentKeyPem()))) {
      assertThatThrownBy(() -> check("prod", values))
          .as("%s", values.keySet())
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("names the development key")
          .hasMessageContaining("OPS_SECURITY_ALLOW_DEVELOPMENT_KEY");
    }
  }

  @Test
  void shouldAdmitTheDevelopmentKeyInProductionOnlyWithTheOptIn() {
    assertThat(
            check(
                "prod",
                Map.of(
                    "mp.jwt.verify.publickey.location",
                    "jwt/dev-public-key.pem",
                    KeyPolicy.ALLOW_DEVELOPMENT_KEY,
                    "true")))
        .isEqualTo(KeyPolicy.Outcome.DEVELOPMENT_KEY_ALLOWED);
    assertThatThrownBy(() -> check("prod", Map.of(KeyPolicy.ALLOW_DEVELOPMENT_KEY, "true")))
        .as("the opt-in alone configures no key")
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void shouldTakeTheDevelopmentKeyInTheDevAndTestProfiles() {
    Map<String, String> defaults =
        Map.of(
            "%dev.mp.jwt.verify.publickey.location",
            "jwt/dev-public-key.pem",
            "%test.mp.jwt.verify.publickey.location",
            "jwt/dev-public-key.pem");
    assertThat(check("dev", defaults)).isEqualTo(KeyPolicy.Outcome.DEVELOPMENT_KEY_IN_DEVELOPMENT);
    assertThat(check("test", defaults)).isEqualTo(KeyPolicy.Outcome.DEVELOPMENT_KEY_IN_DEVELOPMENT);
    assertThatThrownBy(() -> check("prod", defaults)).isInstanceOf(ConfigurationException.class);
  }
}
