package cn.gov.jingyang.ops.checkpoint.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNumberTest {

  @ParameterizedTest
  @CsvSource({
    "川F·12345, 川F12345",
    "川F12345, 川F12345",
    "川f·a1234, 川FA1234",
    "' 川F 12345 ', 川F12345",
    "川F-12345, 川F12345",
    "川F·D12345, 川FD12345",
    "京A·88888, 京A88888",
    "粤BD12345, 粤BD12345"
  })
  void normalisesToUppercaseWithoutSeparator(String input, String expected) {
    assertThat(PlateNumber.normalise(input)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "F12345",
        "川12345",
        "川F1234",
        "川F1234567",
        "XX·12345",
        "川F·12#45",
        "川FF·12345"
      })
  void refusesWhatIsNotAMainlandPlate(String input) {
    assertThat(PlateNumber.normalise(input)).isEmpty();
  }
}
