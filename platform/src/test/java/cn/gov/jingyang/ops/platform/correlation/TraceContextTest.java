package cn.gov.jingyang.ops.platform.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {

  @Test
  void shouldKeepAWellFormedCorrelationId() {
    assertThat(TraceContext.acceptedCorrelationId("req-2020.02.03:17"))
        .isEqualTo("req-2020.02.03:17");
  }

  @Test
  void shouldReplaceACorrelationIdThatCouldForgeLogLines() {
    String replaced = TraceContext.acceptedCorrelationId("abc\nFAKE LOG LINE");
    assertThat(replaced).doesNotContain("\n").hasSize(36);
    assertThat(TraceContext.acceptedCorrelationId("x".repeat(101))).hasSize(36);
  }

  @Test
  void shouldContinueTheCallersTraceInANewSpan() {
    String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    String child = TraceContext.childOf(parent);
    assertThat(child).matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01");
    assertThat(child).isNotEqualTo(parent);
  }

  @Test
  void shouldStartANewTraceWhenThereIsNoneOrItIsMalformed() {
    assertThat(TraceContext.childOf(null)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(TraceContext.childOf("garbage")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(TraceContext.childOf("00-00000000000000000000000000000000-b7ad6b7169203331-01"))
        .doesNotContain("00000000000000000000000000000000");
  }
}
