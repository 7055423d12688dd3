package cn.gov.jingyang.ops.personnel.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.personnel.config.PersonnelConfig;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  private final PersonnelConfig.Paging paging =
      new PersonnelConfig.Paging() {
        public int defaultSize() { return 50; }
        public int maxSize() { return 200; }
      };

  @Test
  void shouldCapAHugePageSizeInsteadOfRefusingIt() {
    assertThat(PageRequest.of(0, Integer.MAX_VALUE, paging)).isEqualTo(new PageRequest(0, 200));
  }

  @Test
  void shouldUseDefaultsForMissingOrNonsensicalValues() {
    assertThat(PageRequest.of(null, null, paging)).isEqualTo(new PageRequest(0, 50));
    assertThat(PageRequest.of(-3, 0, paging)).isEqualTo(new PageRequest(0, 50));
  }
}
