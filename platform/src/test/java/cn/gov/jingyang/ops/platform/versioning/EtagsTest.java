package cn.gov.jingyang.ops.platform.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class EtagsTest {

  @Test
  void shouldQuoteTheVersion() {
    assertThat(Etags.of(3)).isEqualTo("\"3\"");
  }

  @Test
  void shouldReadStrongAndWeakTags() {
    assertThat(Etags.requiredVersion("\"7\"")).isEqualTo(7);
    assertThat(Etags.requiredVersion("W/\"7\"")).isEqualTo(7);
  }

  @Test
  void shouldRequireTheHeader() {
    assertThatThrownBy(() -> Etags.requiredVersion(null))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().getStatus()).isEqualTo(428));
  }

  @Test
  void shouldRefuseATagThatNamesNoVersion() {
    assertThatThrownBy(() -> Etags.requiredVersion("\"abc\""))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().getStatus()).isEqualTo(412));
  }
}
