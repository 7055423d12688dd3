package cn.gov.jingyang.ops.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

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
  }

  @Test
  void shouldStartThePageAtItsOffset() {
    assertThat(PageRequest.of(3, 20).offset()).isEqualTo(60);
  }
}
