package cn.gov.jingyang.ops.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void shouldCapAHugePageSizeInsteadOfRefusingIt() {
    assertThat(PageRequest.of(0, Integer.MAX_VALUE)).isEqualTo(new PageRequest(0, 200));
  }

  @Test
  void shouldUseDefaultsForMissingOrNonsensicalValues() {
    assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(0, 50));
    assertThat(PageRequest.of(-3, 0)).isEqualTo(new PageRequest(0, 50));
    assertThat(PageRequest.of(Integer.MIN_VALUE, Integer.MIN_VALUE))
        .isEqualTo(new PageRequest(0, 50));
  }

  @Test
  void shouldStartThePageAtItsOffset() {
    assertThat(PageRequest.of(3, 20).offset()).isEqualTo(60);
  }

  @Test
  void shouldNeverTurnAHugePageIntoANegativeOffset() {
    assertThat(PageRequest.of(PageRequest.MAX_PAGE, 200).offset()).isPositive();
    assertThatThrownBy(() -> PageRequest.of(Integer.MAX_VALUE, 200))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().getStatus()).isEqualTo(400);
              assertThat(e.problem().getErrors())
                  .extracting(f -> f.field())
                  .containsExactly("page");
            });
  }

  @Test
  void shouldEscapeLikeWildcardsSoTheyMatchLiterally() {
    assertThat(LikePattern.containing("50%")).isEqualTo("%50\\%%");
    assertThat(LikePattern.containing("a_b\\c")).isEqualTo("%a\\_b\\\\c%");
  }
}
