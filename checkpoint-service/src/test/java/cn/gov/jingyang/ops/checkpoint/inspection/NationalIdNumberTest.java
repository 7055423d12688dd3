package cn.gov.jingyang.ops.checkpoint.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X",
        "11010519491231002x",
        "440524188001010014",
        "510603199001011231"
      })
  void acceptsNumbersWithTheRightCheckCharacter(String id) {
    assertThat(NationalIdNumber.hasValidCheckDigit(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110105194912310021",
        "440524188001010015",
        "510603199001011232",
        "51060319900101123X"
      })
  void refusesAWrongCheckCharacter(String id) {
    assertThat(NationalIdNumber.hasValidCheckDigit(id)).isFalse();
  }

  @Test
  void computesTheIso7064Mod112CheckCharacterIncludingX() {
    assertThat(NationalIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    assertThat(NationalIdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "51060319900101123",
        "5106031990010112311",
        "51060319900101123Y",
        "A10603199001011231"
      })
  void refusesWhatIsNotAnIdNumberAtAll(String id) {
    assertThat(NationalIdNumber.hasFormat(id)).isFalse();
    assertThat(NationalIdNumber.hasValidCheckDigit(id)).isFalse();
  }

  @Test
  void checksTheBirthDate() {
    assertThat(NationalIdNumber.hasValidBirthDate("510603199001011231")).isTrue();
    assertThat(NationalIdNumber.hasValidBirthDate("510603199013011231")).isFalse();
    assertThat(NationalIdNumber.hasValidBirthDate("510603299001011231")).isFalse();
  }
}
