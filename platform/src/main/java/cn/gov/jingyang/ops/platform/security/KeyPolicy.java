package cn.gov.jingyang.ops.platform.security;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Where a development key may be used. Its private half is in the source repository, so anyone can
 * mint tokens it accepts: it is taken by default only in the {@code dev} and {@code test} profiles.
 * In any other profile (production) a service refuses to start unless one of the key settings is
 * configured, and it refuses the development key configured explicitly too, unless {@value
 * #ALLOW_DEVELOPMENT_KEY}{@code =true} is also set — which only {@code ./stackctl} does.
 *
 * <p>The check is not tied to token verification: the gateway's token issuer applies it to its
 * signing key with a {@link KeySetting} of its own.
 */
public final class KeyPolicy {

  /**
   * The opt-in that lets a production-profile process use the development key (./stackctl sets it).
   */
  public static final String ALLOW_DEVELOPMENT_KEY = "ops.security.allow-development-key";

  private static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test");

  /**
   * A key a service needs.
   *
   * @param purpose what the key is for, as the message names it ("verify the signature of tokens")
   * @param properties the configuration keys that can hold the key or its location, any one will do
   * @param hint what a value of those keys is (a PEM file, a JWKS URL...), for the message
   * @param isDevelopmentKey true for a configured value that is the development key
   */
  public record KeySetting(
      String purpose, List<String> properties, String hint, Predicate<String> isDevelopmentKey) {}

  /** What the check found when the process may start. */
  public enum Outcome {
    /** A key of the deployment's own is configured. */
    DEPLOYMENT_KEY,
    /** The development key, in the dev or test profile. */
    DEVELOPMENT_KEY_IN_DEVELOPMENT,
    /** The development key in production with the explicit opt-in (./stackctl). */
    DEVELOPMENT_KEY_ALLOWED
  }

  private KeyPolicy() {}

  /**
   * Applies the policy to one key setting.
   *
   * @throws ConfigurationException naming the keys to set, when the process must not start
   */
  public static Outcome check(Config config, KeySetting setting) {
    List<String> configured = new ArrayList<>();
    boolean development = false;
    for (String property : setting.properties()) {
      Optional<String> value =
          config.getOptionalValue(property, String.class).filter(v -> !v.isBlank());
      if (value.isPresent()) {
        configured.add(property);
        development |= setting.isDevelopmentKey().test(value.get().trim());
      }
    }
    Set<String> profiles = profiles(config);
    if (profiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains)) {
      return configured.isEmpty() || development
          ? Outcome.DEVELOPMENT_KEY_IN_DEVELOPMENT
          : Outcome.DEPLOYMENT_KEY;
    }
    if (configured.isEmpty()) {
      throw new ConfigurationException(
          "No key to "
              + setting.purpose()
              + " is configured, and the development key is accepted only in the dev"
              + " and test profiles (active profile: "
              + String.join(",", profiles)
              + "). Set "
              + settings(setting.properties())
              + ": "
              + setting.hint()
              + ".");
    }
    if (development) {
      if (config.getOptionalValue(ALLOW_DEVELOPMENT_KEY, Boolean.class).orElse(false)) {
        return Outcome.DEVELOPMENT_KEY_ALLOWED;
      }
      throw new ConfigurationException(
          String.join(", ", configured)
              + " names the development key, whose private half is in the source"
              + " repository: anyone could mint accepted credentials with it. Set "
              + settings(setting.properties())
              + " to a key of your own ("
              + setting.hint()
              + "). Only the local launcher ./stackctl runs with the"
              + " development key, by also setting "
              + settings(List.of(ALLOW_DEVELOPMENT_KEY))
              + "=true.");
    }
    return Outcome.DEPLOYMENT_KEY;
  }

  /** {@code a.b-c} → {@code A_B_C}, the environment variable that sets a configuration key. */
  public static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static String settings(List<String> properties) {
    return properties.stream()
        .map(p -> p + " (environment " + environmentName(p) + ")")
        .collect(Collectors.joining(" or "));
  }

  private static Set<String> profiles(Config config) {
    if (config instanceof SmallRyeConfig smallRye) {
      return Set.copyOf(smallRye.getProfiles());
    }
    return Set.of(
        config.getOptionalValue("quarkus.profile", String.class).orElse("prod").split(","));
  }
}
