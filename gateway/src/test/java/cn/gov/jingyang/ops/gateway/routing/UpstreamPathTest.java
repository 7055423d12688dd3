package cn.gov.jingyang.ops.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamPathTest {

  private static final List<String> HIDDEN = List.of("/events", "/admin", "/q");

  @Test
  void shouldForwardOrdinaryPathsAsSent() {
    assertThat(UpstreamPath.of("/checkpoints/7/history", HIDDEN))
        .contains("/checkpoints/7/history");
    assertThat(UpstreamPath.of("", HIDDEN)).contains("/");
    assertThat(UpstreamPath.of("/eventsx", HIDDEN)).contains("/eventsx");
    assertThat(UpstreamPath.of("/people/%E5%BC%A0", HIDDEN)).contains("/people/%E5%BC%A0");
    assertThat(UpstreamPath.of("/a//b", HIDDEN)).contains("/a/b");
  }

  @Test
  void shouldHideTheUpstreamsInternalsHoweverTheyAreSpelled() {
    for (String path :
        List.of(
            "/events",
            "/events/",
            "/Events",
            "/%65vents",
            "//events",
            "/events;x=1",
            "/events%2Fx",
            "/admin/outbox",
            "/q/health",
            "/x/%2e%2e/events",
            "/x%2F..%2Fevents",
            "/a\\b")) {
      assertThat(UpstreamPath.of(path, HIDDEN)).as(path).isEmpty();
    }
  }
}
