package cn.gov.jingyang.ops.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemResponseTest {

  @Test
  void shouldBuildTheInstanceFromAnyPathACallerCanSend() {
    assertThat(ProblemResponse.instance("/test/badges/42")).hasToString("/test/badges/42");
    assertThat(ProblemResponse.instance("/a b/{x}\"\u0000\n"))
        .hasToString("/a%20b/%7Bx%7D%22%00%0A");
    assertThat(ProblemResponse.instance("/%7B/%zz/100%")).hasToString("/%7B/%25zz/100%25");
    assertThat(ProblemResponse.instance("/名字")).hasToString("/%E5%90%8D%E5%AD%97");
  }

  @Test
  void shouldLeaveOutAnAbsurdlyLongPath() {
    assertThat(ProblemResponse.instance("/" + "x".repeat(10_000))).isNull();
    assertThat(ProblemResponse.instance(null)).isNull();
  }
}
