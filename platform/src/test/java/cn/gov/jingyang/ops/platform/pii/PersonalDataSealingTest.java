package cn.gov.jingyang.ops.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jingyang.ops.infra.IdNumbers;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** Sealing, opening, lookups and key rotation of personal data (AES-256-GCM, HMAC-SHA256). */
class PersonalDataSealingTest {

  static final String K1 = key('1');
  static final String K2 = key('2');
  static final String LOOKUP = key('L');

  private final PersonalDataSealing sealing = PersonalDataSealing.of("k1:" + K1, LOOKUP);

  static String key(char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
  }

  @Test
  void aSealedValueHoldsNothingOfTheClearOneAndOpensToIt() {
    String id = IdNumbers.of(IdNumbers.DISTRICT, LocalDate.of(1990, 1, 1), 123);
    String sealed = sealing.seal(id);
    assertThat(sealed).startsWith("pd1:k1:").doesNotContain(id).doesNotContain("1231");
    assertThat(IdNumbers.inClear(sealed)).isEmpty();
    assertThat(sealing.open(sealed)).isEqualTo(id);
    // a fresh IV each time: equal values do not give equal texts (no frequency analysis)
    assertThat(sealing.seal(id)).isNotEqualTo(sealed);
    assertThat(sealing.open(sealing.seal("手机 13800001234"))).isEqualTo("手机 13800001234");
    assertThat(sealing.seal(null)).isNull();
    assertThat(sealing.open(null)).isNull();
  }

  @Test
  void aValueNotYetSealedIsReadAsItIs() {
    assertThat(sealing.open("510603199001011231")).isEqualTo("510603199001011231");
    assertThat(PersonalDataSealing.isSealed("510603199001011231")).isFalse();
  }

  @Test
  void theLookupIsEqualForEqualNumbersAndKeyed() {
    String lookup = sealing.lookup("11010519491231002X");
    assertThat(sealing.lookup(" 11010519491231002x ")).isEqualTo(lookup);
    assertThat(sealing.lookup("11010519491231003X")).isNotEqualTo(lookup);
    assertThat(lookup).hasSize(43).doesNotContain("1101051949");
    // another lookup key, another hash: a stolen table cannot be matched with a list of numbers
    assertThat(PersonalDataSealing.of("k1:" + K1, K2).lookup("11010519491231002X"))
        .isNotEqualTo(lookup);
  }

  @Test
  void anAlteredTextIsRefusedNotMisread() {
    String sealed = sealing.seal("13800001234");
    char last = sealed.charAt(sealed.length() - 5);
    String altered =
        sealed.substring(0, sealed.length() - 5)
            + (last == 'A' ? 'B' : 'A')
            + sealed.substring(sealed.length() - 4);
    assertThatThrownBy(() -> sealing.open(altered)).isInstanceOf(IllegalStateException.class);
    // the key id is bound to the text: relabelling it as another key's fails too
    PersonalDataSealing both = PersonalDataSealing.of("k2:" + K1 + ",k1:" + K1, LOOKUP);
    assertThatThrownBy(() -> both.open(sealed.replace("pd1:k1:", "pd1:k2:")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rotationSealsWithTheNewKeyAndStillOpensTheOld() {
    String old = sealing.seal("510603199001011231");
    PersonalDataSealing rotated = PersonalDataSealing.of("k2:" + K2 + ",k1:" + K1, LOOKUP);
    assertThat(rotated.open(old)).isEqualTo("510603199001011231");
    assertThat(rotated.seal("x")).startsWith("pd1:k2:");
    assertThat(rotated.activeKeyId()).isEqualTo("k2");
    assertThat(rotated.sealedWithActiveKey(old)).isFalse();
    // lookups do not change with the sealing key
    assertThat(rotated.lookup("510603199001011231"))
        .isEqualTo(sealing.lookup("510603199001011231"));
    // once k1 is dropped, its texts do not open — with a message that says why
    PersonalDataSealing dropped = PersonalDataSealing.of("k2:" + K2, LOOKUP);
    assertThatThrownBy(() -> dropped.open(old)).hasMessageContaining("k1");
  }

  @Test
  void productionRefusesToStartWithoutKeysOfItsOwn() {
    assertThatThrownBy(() -> new PersonalDataSealing(config("prod", Map.of())))
        .hasMessageContaining("OPS_PERSONAL_DATA_KEYS");
    assertThatThrownBy(
            () ->
                new PersonalDataSealing(
                    config(
                        "prod",
                        Map.of(
                            PersonalDataSealing.KEYS,
                            PersonalDataSealing.DEVELOPMENT_KEYS,
                            PersonalDataSealing.LOOKUP_KEY,
                            LOOKUP))))
        .hasMessageContaining("development key");
    PersonalDataSealing own =
        new PersonalDataSealing(
            config(
                "prod",
                Map.of(
                    PersonalDataSealing.KEYS, "k1:" + K1, PersonalDataSealing.LOOKUP_KEY, LOOKUP)));
    assertThat(own.open(sealing.seal("13800001234"))).isEqualTo("13800001234");
  }

  private static Config config(String profile, Map<String, String> values) {
    return new SmallRyeConfigBuilder()
        .withProfile(profile)
        .withSources(new PropertiesConfigSource(values, "test", 500))
        .build();
  }

  @Test
  void aMalformedKeyRingIsRefusedWithTheReason() {
    assertThatThrownBy(() -> PersonalDataSealing.of("k1:" + key('1').substring(4), LOOKUP))
        .hasMessageContaining("32 are needed");
    assertThatThrownBy(() -> PersonalDataSealing.of(K1, LOOKUP)).hasMessageContaining("<id>:");
    assertThatThrownBy(() -> PersonalDataSealing.of("k1:" + K1 + ",k1:" + K2, LOOKUP))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> PersonalDataSealing.of("k1:not base64!", LOOKUP))
        .hasMessageContaining("base64");
  }
}
