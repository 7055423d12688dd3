package cn.gov.jingyang.ops.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jingyang.ops.platform.security.KeyPolicy;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A production-profile gateway starts only with a signing key of its own. */
class SigningKeyPolicyTest {

  private static final String DEV_KEY = "classpath:cn/gov/jingyang/ops/infra/dev-private-key.pem";

  private static KeyPolicy.Outcome check(String profile, Map<String, String> values) {
    return KeyPolicy.check(
        new SmallRyeConfigBuilder()
            .withProfile(profile)
            .withSources(new PropertiesConfigSource(values, "test", 500))
            .build(),
        SigningKeys.SIGNING_KEY);
  }

  @Test
  void shouldRefuseToStartInProductionWithoutASigningKey() {
    assertThatThrownBy(() -> check("prod", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No key to sign the tokens the gateway issues is configured")
        .hasMessageContaining(
            "ops.gateway.signing.private-key-location (environment"
                + " OPS_GATEWAY_SIGNING_PRIVATE_KEY_LOCATION)");
  }

  @Test
  void shouldRefuseTheDevelopmentKeyInProductionUnlessTheLauncherOptsIn() {
    assertThatThrownBy(() -> check("prod", Map.of(SigningKeys.PRIVATE_KEY_LOCATION, DEV_KEY)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("development key");
    String inline = PemKeys.read(DEV_KEY);
    assertThatThrownBy(() -> check("prod", Map.of(SigningKeys.PRIVATE_KEY, inline)))
        .isInstanceOf(ConfigurationException.class);
    assertThat(
            check(
                "prod",
                Map.of(SigningKeys.PRIVATE_KEY, inline, KeyPolicy.ALLOW_DEVELOPMENT_KEY, "true")))
        .isEqualTo(KeyPolicy.Outcome.DEVELOPMENT_KEY_ALLOWED);
  }

  @Test
  void shouldStartInProductionWithItsOwnKey(@TempDir Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Path pem = dir.resolve("gateway-signing.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    Map<String, String> config =
        Map.of(SigningKeys.PRIVATE_KEY_LOCATION, pem.toString(), SigningKeys.KEY_ID, "2026-11");
    assertThat(check("prod", config)).isEqualTo(KeyPolicy.Outcome.DEPLOYMENT_KEY);
    KeyRing ring =
        SigningKeys.load(
            new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(config, "test", 500))
                .withMapping(SigningConfig.class)
                .build()
                .getConfigMapping(SigningConfig.class));
    assertThat(ring.activeKeyId()).isEqualTo("2026-11");
    assertThat(ring.jwks()).contains("\"kid\":\"2026-11\"");
  }
}
