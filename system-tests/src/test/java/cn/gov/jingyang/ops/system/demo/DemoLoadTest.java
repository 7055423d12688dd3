package cn.gov.jingyang.ops.system.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.stack.Suite;
import cn.gov.jingyang.ops.stack.demo.Demo;
import cn.gov.jingyang.ops.system.GatewayApi;
import cn.gov.jingyang.ops.system.SystemStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./stackctl demo} against the system stack of its own fork: the story loads through the
 * gateway, the situation report of its days shows it in every section, and a second load changes no
 * count.
 */
@Tag("own-stack")
class DemoLoadTest {

  /** Days of the story: the flag (2 Feb), the day of two cases and an application (9 Feb). */
  private static final List<String> DAYS = List.of("2020-02-02", "2020-02-09");

  @Test
  void theStoryShowsInEverySectionAndLoadingItTwiceChangesNothing() {
    SystemStack stack = SystemStack.get();
    URI gateway = URI.create(stack.gateway());

    Demo.Summary first = Demo.load(gateway, Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
    System.out.println(first);
    assertThat(first.counts()).allSatisfy((what, n) -> assertThat(n).as(what).isPositive());
    assertThat(first.counts())
        .containsEntry("checkpoints", 4L)
        .containsEntry("cases", 4L)
        .containsEntry("partyApplications", 17L);
    assertThat(first.counts().get("inspections")).isGreaterThanOrEqualTo(2000L);

    AtomicReference<Map<String, JsonNode>> reports = new AtomicReference<>();
    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () -> {
              Map<String, JsonNode> now = situations(stack);
              now.forEach(DemoLoadTest::assertStoryShows);
              reports.set(now);
            });

    Demo.Summary second = Demo.load(gateway, Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
    System.out.println(second);
    assertThat(second.counts()).isEqualTo(first.counts());
    assertThat(second.created()).isEmpty();
    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(() -> assertThat(situations(stack)).isEqualTo(reports.get()));
  }

  /** Non-zero figures in each section of the day's report. */
  private static void assertStoryShows(String day, JsonNode report) {
    JsonNode checkpoint = report.path("checkpoint");
    assertThat(checkpoint.path("status").asText()).as(day).isEqualTo("available");
    assertThat(checkpoint.path("checkpointsActive").asLong()).as(day).isEqualTo(4);
    JsonNode inspected = checkpoint.path("inspected");
    assertThat(inspected.path("inspections").asLong()).as(day).isPositive();
    assertThat(inspected.path("persons").asLong()).as(day).isPositive();

    JsonNode cases = report.path("case");
    assertThat(cases.path("status").asText()).as(day).isEqualTo("available");
    long byStatus = 0;
    for (JsonNode n : cases.path("byStatus")) {
      byStatus += n.asLong();
    }
    assertThat(byStatus).as(day + " cases by status").isEqualTo(4);
    assertThat(cases.path("verification").path("stations").size()).as(day).isPositive();

    JsonNode personnel = report.path("personnel");
    assertThat(personnel.path("status").asText()).as(day).isEqualTo("available");
    assertThat(personnel.path("duty").path("onDuty").asLong()).as(day + " on duty").isPositive();
    assertThat(personnel.path("partyApplications").asLong()).as(day).isPositive();
    if (day.equals("2020-02-09")) {
      assertThat(inspected.path("flagged").asLong()).as(day).isPositive();
      assertThat(inspected.path("results").path("homeQuarantine").asLong()).as(day).isPositive();
      assertThat(cases.path("opened").path("total").asLong())
          .as(day + " cases opened")
          .isEqualTo(2);
      assertThat(cases.path("opened").path("byKind").path("CONCEALMENT_OF_EXPOSURE").asLong())
          .isEqualTo(1);
    }
  }

  /** The report of each day, without the instants it was made at. */
  private static Map<String, JsonNode> situations(SystemStack stack) {
    GatewayApi api = stack.api();
    String token = api.tokenFor("COMMAND");
    Map<String, JsonNode> reports = new java.util.TreeMap<>();
    for (String day : DAYS) {
      HttpResponse<String> response =
          api.call("GET", "/api/v1/situation?date=" + day, token, null, Map.of());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      ObjectNode report = (ObjectNode) GatewayApi.json(response);
      report.remove("generatedAt");
      ((ObjectNode) report.path("case").path("verification")).remove("at");
      reports.put(day, report);
    }
    return reports;
  }
}
