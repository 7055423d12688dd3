package cn.gov.jingyang.ops.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.stack.Suite;
import cn.gov.jingyang.ops.stack.demo.Demo;
import cn.gov.jingyang.ops.system.GatewayApi;
import cn.gov.jingyang.ops.system.SystemStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The command centre's dashboard at the gateway's {@code /}, in Debian's headless Chromium: a
 * person logs in with an account made through {@code /admin/accounts} and sees the story's day in
 * every section; with case-service stopped the page still renders and its case sections say why
 * they are empty.
 */
@Tag("own-stack")
class DashboardTest {

  private static final String USERNAME = "command.desk";
  private static final String PASSWORD = "dashboard-desk-password-2020";
  private static final List<String> SECTIONS =
      List.of("map", "hourly", "coverage", "cases", "personnel", "party");

  /** The story's day: the demo's (late January to mid February 2020). */
  static final LocalDate DAY = LocalDate.of(2020, 2, 9);

  private static SystemStack stack;

  @BeforeAll
  static void loadAndLogin() {
    stack = SystemStack.get();
    Demo.load(URI.create(stack.gateway()), Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
    HttpResponse<String> account =
        stack
            .api()
            .call(
                "POST",
                "/admin/accounts",
                stack.api().tokenFor(Roles.COMMAND),
                """
                {"username":"%s","displayName":"指挥中心值班员","roles":["COMMAND"],"password":"%s"}"""
                    .formatted(USERNAME, PASSWORD),
                Map.of());
    assertThat(account.statusCode()).as(account.body()).isIn(201, 409);
  }

  @Test
  void everySectionShowsTheStoryDayAndAStationBarOpensItsOverdueList() throws Exception {
    Path screenshot = Path.of("target/dashboard/dashboard.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());

    JsonNode page = new Browser().dashboard(run(screenshot, true, expect(List.of())));
    System.out.println("what the page showed: " + page);

    assertThat(page.path("console")).as("script errors in the page").isEmpty();
    for (String name : SECTIONS) {
      JsonNode section = page.path("sections").path(name);
      assertThat(section.path("state").asText()).as("%s: %s", name, section).isEqualTo("ready");
      boolean someFigureAboveZero = false;
      for (JsonNode figure : section.path("figures")) {
        someFigureAboveZero |= figure.asLong() > 0;
      }
      assertThat(someFigureAboveZero).as("a non-zero figure in %s: %s", name, section).isTrue();
    }
    assertThat(page.path("heading").asText()).isEqualTo("卡点分布");
    assertThat(page.path("englishHeading").asText()).isEqualTo("Checkpoints");
    assertThat(page.path("events").asInt()).as("live strip").isPositive();
    assertThat(page.path("mapTip").asText()).contains("检查记录").contains("预警人员");
    assertThat(page.path("overdue"))
        .as("overdue list of " + page.path("clickedStation"))
        .isNotEmpty();
    assertThat(texts(page.path("overdue")))
        .as("the clicked station's overdue list, as the API gives it")
        .containsExactlyElementsOf(overdueNames(page.path("clickedStation").asText()));
    assertThat(page.path("timeline")).as("a case's timeline").isNotEmpty();
    assertThat(screenshot).isNotEmptyFile();
  }

  @Test
  void withCaseServiceStoppedThePageRendersAndItsCaseSectionsSayUnavailable() throws Exception {
    Path screenshot = Path.of("target/dashboard/dashboard-case-down.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    stack.stop(ServiceCatalog.CASE);
    JsonNode page;
    try {
      page = new Browser().dashboard(run(screenshot, false, expect(List.of("coverage", "cases"))));
    } finally {
      stack.restart(ServiceCatalog.CASE);
    }

    for (String name : List.of("coverage", "cases")) {
      JsonNode section = page.path("sections").path(name);
      assertThat(section.path("state").asText())
          .as("%s: %s", name, section)
          .isEqualTo("unavailable");
      assertThat(section.path("unavailable").toString()).contains("不可用").contains("connection");
    }
    for (String name : List.of("map", "hourly", "personnel", "party")) {
      JsonNode section = page.path("sections").path(name);
      assertThat(section.path("state").asText()).as("%s: %s", name, section).isEqualTo("ready");
    }
    assertThat(page.path("strip").toString()).contains("case").contains("不可用");
  }

  /**
   * The names of the overdue tasks of the station {@code name}, from the API (most urgent first).
   */
  private static List<String> overdueNames(String name) {
    String token = stack.api().tokenFor(Roles.COMMAND);
    JsonNode stations =
        GatewayApi.json(
            stack
                .api()
                .call("GET", "/api/v1/case/verification-coverage/stations", token, null, Map.of()));
    String station = null;
    for (JsonNode s : stations.path("items").isMissingNode() ? stations : stations.path("items")) {
      if (name.equals(s.path("stationName").asText())
          || name.equals(s.path("stationCode").asText())) {
        station = s.path("stationUnitId").asText();
      }
    }
    assertThat(station).as("station %s in %s", name, stations).isNotNull();
    HttpResponse<String> overdue =
        stack
            .api()
            .call(
                "GET",
                "/api/v1/case/verification-coverage/overdue?station=" + station + "&size=50",
                token,
                null,
                Map.of());
    assertThat(overdue.statusCode()).as(overdue.body()).isEqualTo(200);
    return texts(GatewayApi.json(overdue).path("items"), "personName");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.path(field).asText()));
    return texts;
  }

  /** The state each section is awaited in: unavailable for {@code down}, ready for the others. */
  private static Map<String, String> expect(List<String> down) {
    Map<String, String> expect = new java.util.LinkedHashMap<>();
    SECTIONS.forEach(name -> expect.put(name, down.contains(name) ? "unavailable" : "ready"));
    return expect;
  }

  private static Map<String, Object> run(
      Path screenshot, boolean clicks, Map<String, String> expect) {
    return Map.of(
        "url",
        stack.gateway(),
        "username",
        USERNAME,
        "password",
        PASSWORD,
        "date",
        DAY.toString(),
        "screenshot",
        screenshot.toString(),
        "clicks",
        clicks,
        "expect",
        expect);
  }
}
