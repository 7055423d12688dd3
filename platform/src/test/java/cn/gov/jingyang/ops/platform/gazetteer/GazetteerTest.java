package cn.gov.jingyang.ops.platform.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.platform.gazetteer.Place.Resolution;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gazetteer of contracts/gazetteer/jingyang.json, read from the classpath; no Quarkus. */
class GazetteerTest {

  private static final Gazetteer GAZETTEER = Gazetteer.load();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "孝泉",
        "孝泉镇",
        "孝泉鎮",
        " 孝泉镇 ",
        "孝泉　鎮",
        "四川省德阳市旌阳区孝泉镇",
        "四川省德陽市旌陽區孝泉鎮",
        "德阳市孝泉镇",
        "旌阳区孝泉",
        "孝泉镇民主村3组12号"
      })
  void everyWayOfWritingXiaoquanGivesItsOneCode(String written) {
    Place place = GAZETTEER.resolve(written);

    assertThat(place.resolution()).isEqualTo(Resolution.RESOLVED);
    assertThat(place.code()).isEqualTo("510603-T10");
    assertThat(place.name()).isEqualTo("孝泉镇");
    assertThat(place.kind()).isEqualTo(Town.Kind.TOWN);
  }

  @Test
  void simplifiedTraditionalAndShortFormsOfHuangxuAgree() {
    assertThat(Stream.of("黄许镇", "黃許鎮", "黄许", "黃許").map(t -> GAZETTEER.resolve(t).code()))
        .containsOnly("510603-T11");
  }

  @Test
  void aPlaceInAnotherProvinceIsOutsideWithProvinceAndCityKept() {
    Place place = GAZETTEER.resolve("湖北省武汉市");

    assertThat(place.resolution()).isEqualTo(Resolution.OUTSIDE);
    assertThat(place.code()).isNull();
    assertThat(place.province()).isEqualTo("湖北省");
    assertThat(place.city()).isEqualTo("武汉市");
    assertThat(place.text()).isEqualTo("湖北省武汉市");
  }

  @Test
  void anotherCityOrCountyOfSichuanIsOutside() {
    assertThat(GAZETTEER.resolve("四川省成都市").city()).isEqualTo("成都市");
    assertThat(GAZETTEER.resolve("四川省成都市").resolution()).isEqualTo(Resolution.OUTSIDE);
    assertThat(GAZETTEER.resolve("德阳市中江县").resolution()).isEqualTo(Resolution.OUTSIDE);
    // 孝感 alone is the city in Hubei, not Jingyang's 孝感镇
    assertThat(GAZETTEER.resolve("孝感市").resolution()).isEqualTo(Resolution.OUTSIDE);
    assertThat(GAZETTEER.resolve("孝感镇").code()).isEqualTo("510603-T18");
  }

  @ParameterizedTest
  @ValueSource(strings = {"孝全镇", "民主村", "", "   ", "旌阳区", "xyz"})
  void anUnknownNameIsUnresolvedAndKeptAsWritten(String written) {
    Place place = GAZETTEER.resolve(written);

    assertThat(place.resolution()).isEqualTo(Resolution.UNRESOLVED);
    assertThat(place.code()).isNull();
    assertThat(place.text()).isEqualTo(written.strip());
  }

  @Test
  void nullIsUnresolvedNotAnError() {
    assertThat(GAZETTEER.resolve(null).resolution()).isEqualTo(Resolution.UNRESOLVED);
  }

  @Test
  void codesAreUniqueAndNoAliasNamesTwoPlaces() {
    Set<String> codes = new HashSet<>();
    Set<String> aliases = new HashSet<>();
    for (Town town : GAZETTEER.towns()) {
      assertThat(codes.add(town.code())).as(town.code()).isTrue();
      assertThat(town.code()).startsWith(GAZETTEER.districtCode() + "-T");
      for (String alias : town.aliases()) {
        assertThat(aliases.add(Gazetteer.normalise(alias))).as(alias).isTrue();
        assertThat(GAZETTEER.resolve(alias).code()).as(alias).isEqualTo(town.code());
      }
    }
    assertThat(GAZETTEER.town("510603-T10")).map(Town::name).contains("孝泉镇");
    assertThat(GAZETTEER.town("510603-T99")).isEmpty();
  }
}
