package cn.gov.jingyang.ops.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.stack.Suite;
import cn.gov.jingyang.ops.system.GatewayApi;
import cn.gov.jingyang.ops.system.SystemStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command centre's dashboard at the gateway's {@code /}, in Debian's headless Chromium: a
 * person logs in with an account made through {@code /admin/accounts} and sees the story's day in
 * every section; with case-service stopped the page still renders and its case sections say why
 * they are empty.
 */
class DashboardTest {

  private static final String USERNAME = "command.desk";
  private static final String PASSWORD = "dashboard-desk-password-2020";
  private static final List<String> SECTIONS =
      List.of("map", "hourly", "coverage", "cases", "personnel", "party");

  /** The story's day: the demo's (late January to mid February 2020). */
  static final LocalDate DAY = LocalDate.of(2020, 2, 9);

  /** A person to visit whose task is overdue at the station covering 扬嘉镇. */
  static final String OVERDUE_NAME = "赵看板";

  private static SystemStack stack;

  /** The code of the station whose bar the test clicks (set by loadStory). */
  private static String stationCode;

  @BeforeAll
  static void loadAndLogin() {
    stack = SystemStack.get();
    loadStory();
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
    assertThat(page.path("overdue").toString()).contains(OVERDUE_NAME);
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
   * The story's data, through the public API with one loader client (COMMAND, CHECKPOINT_OFFICER,
   * PERSONNEL_ADMIN): a station covering 扬嘉镇 with its people (one on duty, one sick, one party
   * applicant on the day), two active checkpoints with inspections over the day (some flagged), a
   * case reported that day and moved on, and overdue verification tasks at the station. To be
   * replaced by the demo loader (Demo.load) once it is merged.
   */
  private static void loadStory() {
    GatewayApi api = stack.api();
    String command = api.token(Suite.DEMO_CLIENT_ID, Suite.DEMO_CLIENT_SECRET);
    HttpResponse<String> client =
        api.call(
            "POST",
            "/admin/clients",
            command,
            "{\"clientId\":\"dashboard-story\",\"roles\":[\"COMMAND\",\"CHECKPOINT_OFFICER\","
                + "\"PERSONNEL_ADMIN\"]}",
            Map.of());
    assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
    String token =
        api.token("dashboard-story", GatewayApi.json(client).path("clientSecret").asText());
    // a gateway timeout on a loaded machine is sent again with the same Idempotency-Key
    BiFunction<String, String, HttpResponse<String>> post =
        (path, body) -> {
          Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
          HttpResponse<String> r = api.call("POST", path, token, body, key);
          for (int attempt = 0; attempt < 5 && r.statusCode() >= 502; attempt++) {
            r = api.call("POST", path, token, body, key);
          }
          return r;
        };
    Function<HttpResponse<String>, String> created =
        r -> {
          assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
          return GatewayApi.json(r).path("id").asText();
        };
    String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 9999));

    // units and people
    String bureau =
        created.apply(
            post.apply(
                "/api/v1/personnel/units",
                "{\"code\":\"DASH-JY-%s\",\"name\":\"旌阳公安分局\",\"kind\":\"BUREAU\"}"
                    .formatted(suffix)));
    HttpResponse<String> ownStation =
        post.apply(
            "/api/v1/personnel/units",
            ("{\"code\":\"DASH-PS-%s\",\"name\":\"扬嘉派出所\",\"kind\":\"POLICE_STATION\","
                    + "\"parentId\":\"%s\",\"towns\":[\"扬嘉镇\"]}")
                .formatted(suffix, bureau));
    if (ownStation.statusCode() != 201) {
      // 扬嘉镇 already has a station (another loader's): its tasks go there
      ownStation =
          api.call(
              "GET",
              "/api/v1/personnel/units/coverage?town="
                  + URLEncoder.encode("扬嘉镇", StandardCharsets.UTF_8),
              token,
              null,
              Map.of());
      assertThat(ownStation.statusCode()).as(ownStation.body()).isEqualTo(200);
    }
    JsonNode stationUnit = GatewayApi.json(ownStation);
    stationUnit = stationUnit.isArray() ? stationUnit.path(0) : stationUnit;
    String station = stationUnit.path("id").asText();
    stationCode = stationUnit.path("code").asText();
    List<String> people = new ArrayList<>();
    for (String name : List.of("李值守", "王病休", "陈申请")) {
      people.add(
          created.apply(
              post.apply(
                  "/api/v1/personnel/people",
                  ("{\"category\":\"POLICE_OFFICER\",\"badgeNumber\":\"%d\",\"name\":\"%s\","
                          + "\"unitId\":\"%s\",\"phone\":\"13800001234\"}")
                      .formatted(
                          ThreadLocalRandom.current().nextInt(100000, 999999), name, station))));
    }
    String at = DAY + "T08:00:00+08:00";
    for (String[] change : new String[][] {{people.get(0), "ON_DUTY"}, {people.get(1), "SICK"}}) {
      assertThat(
              post.apply(
                      "/api/v1/personnel/people/" + change[0] + "/duty-status",
                      "{\"status\":\"%s\",\"reason\":\"看板\",\"effectiveFrom\":\"%s\"}"
                          .formatted(change[1], at))
                  .statusCode())
          .isIn(200, 201);
    }
    String partyStatus = "/api/v1/personnel/people/" + people.get(2) + "/party-status";
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> {
              HttpResponse<String> now = api.call("GET", partyStatus, token, null, Map.of());
              if (now.statusCode() == 200 && now.body().contains("APPLICANT")) {
                return true;
              }
              api.call(
                  "PUT",
                  partyStatus,
                  token,
                  "{\"status\":\"APPLICANT\",\"since\":\"%s\"}".formatted(DAY),
                  Map.of("If-Match", now.headers().firstValue("ETag").orElse("\"0\"")));
              return false;
            });

    // checkpoints, active since 28 January, and the day's inspections
    List<String> checkpoints = new ArrayList<>();
    double[][] places = {{31.27, 104.49}, {31.20, 104.27}};
    for (int i = 0; i < places.length; i++) {
      String checkpoint =
          created.apply(
              post.apply(
                  "/api/v1/checkpoint/checkpoints",
                  ("{\"code\":\"DASH-CP-%s-%d\",\"name\":\"看板卡点%d\",\"road\":\"G5\","
                          + "\"latitude\":%s,\"longitude\":%s,\"town\":\"%s\","
                          + "\"kind\":\"HIGHWAY_EXIT\",\"leadAgency\":\"旌阳公安分局\"}")
                      .formatted(
                          suffix, i, i, places[i][0], places[i][1], i == 0 ? "黄许镇" : "孝泉镇")));
      created.apply(
          post.apply(
              "/api/v1/checkpoint/checkpoints/" + checkpoint + "/status",
              "{\"status\":\"ACTIVE\",\"at\":\"2020-01-28T08:00:00+08:00\"}"));
      checkpoints.add(checkpoint);
    }
    List<String> records = new ArrayList<>();
    for (int hour = 6; hour < 22; hour++) {
      for (int n = 0; n < 1 + hour % 4; n++) {
        boolean flagged = (hour + n) % 7 == 0;
        records.add(
            ("{\"clientRecordId\":\"%s\",\"checkpointId\":\"%s\",\"inspectedAt\":\"%sT%02d:%02d:00+08:00\","
                    + "\"direction\":\"INBOUND\",\"plate\":\"川F%05d\",\"vehicleKind\":\"CAR\","
                    + "\"inspectorName\":\"张伟\",\"inspectorAgency\":\"旌阳公安分局\",\"occupants\":["
                    + "{\"name\":\"乘客\",\"idNumber\":\"%s\",\"phone\":\"13900005678\","
                    + "\"originProvince\":\"%s\",\"originCity\":\"某市\",\"stayedInRiskArea\":false,"
                    + "\"temperature\":36.5,\"symptoms\":[],\"destinationTown\":\"扬嘉镇\","
                    + "\"destinationAddress\":\"扬嘉镇1号\",\"result\":\"CLEARED\"}]}")
                .formatted(
                    UUID.randomUUID(),
                    checkpoints.get(n % 2),
                    DAY,
                    hour,
                    n * 10,
                    ThreadLocalRandom.current().nextInt(100000),
                    idNumber(),
                    flagged ? "湖北省" : "四川省"));
      }
    }
    HttpResponse<String> batch =
        post.apply(
            "/api/v1/checkpoint/inspections/batch",
            "{\"records\":[" + String.join(",", records) + "]}");
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);

    // a case of the day (case-service knows the station once personnel's event reached it)
    String caseBody =
        ("{\"kind\":\"COUNTERFEIT_PROTECTIVE_GOODS\",\"source\":\"REPORT\",\"summary\":\"群众举报某药店销售三无口罩\","
                + "\"reportedAt\":\"%sT10:00:00+08:00\",\"town\":\"扬嘉镇\",\"leadUnitId\":\"%s\"}")
            .formatted(DAY, station);
    String[] caseId = new String[1];
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> {
              HttpResponse<String> r = post.apply("/api/v1/case/cases", caseBody);
              caseId[0] = r.statusCode() == 201 ? GatewayApi.json(r).path("id").asText() : null;
              return caseId[0] != null;
            });
    String casePath = "/api/v1/case/cases/" + caseId[0];
    String acceptKey = UUID.randomUUID().toString();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> {
              HttpResponse<String> now = api.call("GET", casePath, token, null, Map.of());
              if (now.statusCode() != 200 || now.body().contains("\"status\":\"ACCEPTED\"")) {
                return now.statusCode() == 200;
              }
              api.call(
                  "POST",
                  casePath + "/status",
                  token,
                  "{\"status\":\"ACCEPTED\",\"note\":\"受理\"}",
                  Map.of(
                      "If-Match",
                      now.headers().firstValue("ETag").orElseThrow(),
                      "Idempotency-Key",
                      acceptKey));
              return false;
            });

    // overdue verification tasks at the station covering 扬嘉镇
    for (String name : List.of(OVERDUE_NAME, "钱看板")) {
      created.apply(
          post.apply(
              "/api/v1/case/verification-tasks",
              ("{\"name\":\"%s\",\"idNumber\":\"%s\",\"town\":\"扬嘉镇\","
                      + "\"address\":\"扬嘉镇2号\",\"dueAt\":\"%sT18:00:00+08:00\"}")
                  .formatted(name, idNumber(), DAY)));
    }
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () -> {
              HttpResponse<String> r =
                  api.call(
                      "GET", "/api/v1/case/verification-coverage/stations", token, null, Map.of());
              return r.statusCode() == 200
                  && r.body().contains("\"stationUnitId\":\"" + station + "\"");
            });
  }

  /** The state each section is awaited in: unavailable for {@code down}, ready for the others. */
  private static Map<String, String> expect(List<String> down) {
    Map<String, String> expect = new java.util.LinkedHashMap<>();
    SECTIONS.forEach(name -> expect.put(name, down.contains(name) ? "unavailable" : "ready"));
    return expect;
  }

  /** A fictional but check-digit-valid ID number of the district. */
  private static String idNumber() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String first17 =
        "510603"
            + LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20_000)).toString().replace("-", "")
            + String.format("%03d", r.nextInt(1000));
    int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * w[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
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
        clicks);
  }
}
