package cn.gov.jingyang.ops.system.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.system.GatewayApi;
import cn.gov.jingyang.ops.system.SystemStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, scenarios 1 and 2, through the gateway only: a traveller from a risk region flagged at
 * a checkpoint becomes a household-verification task at the station covering their destination
 * (孝泉), seen by that station's officer and by no other station's; the officer's visit finds
 * concealed exposure, which opens a CONCEALMENT_OF_EXPOSURE case linked to the task, and an
 * investigator of the station files it as a criminal case.
 */
class CheckpointToCaseFlowTest {

  private static final String TOWN = "孝泉";
  private static final String TOWN_CODE = "510603-T10";
  private static final String LEGAL_BASIS = "《中华人民共和国刑法》第三百三十条（妨害传染病防治罪）";

  private final GatewayApi api = SystemStack.get().api();
  private final DistrictUnits units = new DistrictUnits(api);
  private final VerificationTasks tasks = new VerificationTasks(api);

  @Test
  void shouldShowAFlaggedTravellerBoundForXiaoquanToTheStationCoveringItAndToNoOtherStation() {
    UUID station = stationCoveringXiaoquan();
    UUID otherStation = units.station("柏隆");
    CheckpointLane lane = CheckpointLane.open(api, units);

    CheckpointLane.Traveller traveller = lane.uploadTravellerBoundFor("孝泉镇");
    UUID task = taskAtStation(traveller, station);

    String officer = api.tokenFor(Roles.STATION_OFFICER, station);
    JsonNode seen = tasks.read(officer, task);
    assertThat(seen.path("status").asText()).isEqualTo("PENDING");
    assertThat(seen.path("townCode").asText()).isEqualTo(TOWN_CODE);
    assertThat(seen.path("personName").asText()).isEqualTo(traveller.name());
    assertThat(seen.path("idNumber").asText())
        .as("in full for the station")
        .isEqualTo(traveller.idNumber());
    assertThat(seen.path("sources").path(0).path("kind").asText()).isEqualTo("CHECKPOINT_FLAG");
    assertThat(tasks.listed(officer, task)).as("in the station officer's list").isTrue();

    String otherOfficer = api.tokenFor(Roles.STATION_OFFICER, otherStation);
    HttpResponse<String> elsewhere = tasks.get(otherOfficer, task);
    assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(404);
    assertThat(elsewhere.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(tasks.listed(otherOfficer, task)).as("in another station's list").isFalse();
  }

  @Test
  void shouldOpenAConcealmentCaseFromTheVisitThatAnInvestigatorFilesAsACriminalCase() {
    UUID station = stationCoveringXiaoquan();
    CheckpointLane lane = CheckpointLane.open(api, units);
    CheckpointLane.Traveller traveller = lane.uploadTravellerBoundFor("孝泉镇");
    UUID task = taskAtStation(traveller, station);
    String officer = api.tokenFor(Roles.STATION_OFFICER, station);

    // the station officer works the task: each step names the version it was based on
    String etag = etag(tasks.get(officer, task));
    HttpResponse<String> unversioned =
        api.call(
            "POST",
            "/api/v1/case/verification-tasks/" + task + "/assignment",
            officer,
            GatewayApi.body(Map.of("assignee", "李强 051288")),
            Map.of());
    assertThat(unversioned.statusCode()).as(unversioned.body()).isEqualTo(428);
    etag = step(tasks.act(officer, task, "assignment", etag, Map.of("assignee", "李强 051288")));
    etag = step(tasks.act(officer, task, "visit", etag, Map.of()));
    HttpResponse<String> completed =
        tasks.act(
            officer,
            task,
            "completion",
            etag,
            Map.of("outcome", "CONCEALED_EXPOSURE", "note", "隐瞒武汉旅居史，入户核查时查实"));
    step(completed);
    assertThat(GatewayApi.json(completed).path("status").asText()).isEqualTo("COMPLETED");

    // the completion opened the case, led by the station: its investigator finds it
    String investigator = api.tokenFor(Roles.INVESTIGATOR, station);
    List<JsonNode> linked = casesLinkedTo(investigator, station, task);
    assertThat(linked).as("one case for the task").hasSize(1);
    JsonNode opened = linked.get(0);
    UUID caseId = UUID.fromString(opened.path("id").asText());
    assertThat(opened.path("kind").asText()).isEqualTo("CONCEALMENT_OF_EXPOSURE");
    assertThat(opened.path("source").asText()).isEqualTo("VERIFICATION");
    assertThat(opened.path("status").asText()).isEqualTo("REPORTED");

    // the lifecycle: accepted, investigated, filed — a criminal filing needs its legal basis
    String version = etag(caseAnswer(investigator, caseId));
    version = step(status(investigator, caseId, version, Map.of("status", "ACCEPTED")));
    version = step(status(investigator, caseId, version, Map.of("status", "UNDER_INVESTIGATION")));
    HttpResponse<String> withoutBasis =
        status(investigator, caseId, version, Map.of("status", "CRIMINAL_CASE_FILED"));
    assertThat(withoutBasis.statusCode()).as(withoutBasis.body()).isEqualTo(422);
    assertThat(withoutBasis.body()).contains("legalBasis");
    step(
        status(
            investigator,
            caseId,
            version,
            Map.of("status", "CRIMINAL_CASE_FILED", "legalBasis", LEGAL_BASIS)));

    JsonNode filed = GatewayApi.json(caseAnswer(investigator, caseId));
    assertThat(filed.path("status").asText()).isEqualTo("CRIMINAL_CASE_FILED");
    assertThat(filed.path("legalBasis").asText()).isEqualTo(LEGAL_BASIS);
    assertThat(filed.path("linkedTaskId").asText()).isEqualTo(task.toString());
    assertThat(filed.path("leadUnitId").asText()).isEqualTo(station.toString());
    assertThat(filed.path("townCode").asText()).isEqualTo(TOWN_CODE);
    JsonNode suspect = filed.path("parties").path(0);
    assertThat(suspect.path("role").asText()).isEqualTo("SUSPECT");
    assertThat(suspect.path("idNumber").asText()).isEqualTo(traveller.idNumber());
    List<String> kinds = new ArrayList<>();
    filed.path("timeline").forEach(entry -> kinds.add(entry.path("kind").asText()));
    assertThat(kinds).filteredOn("STATUS_CHANGED"::equals).hasSize(3);

    JsonNode done = tasks.read(officer, task);
    assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("outcome").asText()).isEqualTo("CONCEALED_EXPOSURE");
  }

  /**
   * The station covering 孝泉: the one personnel-service names if a station covers it already
   * (another test's), else a new station of this test that takes it over. A town already covered is
   * not moved: moving it would reroute every open task of the town, e.g. the thousands a provincial
   * list of another test left there (see the report on case-service's rerouting).
   */
  private UUID stationCoveringXiaoquan() {
    return units
        .coveringStation(TOWN)
        .orElseGet(
            () -> {
              UUID station = units.station(TOWN);
              JsonNode moved = units.moveTown(TOWN, station);
              assertThat(moved.path("to").path("id").asText()).isEqualTo(station.toString());
              assertThat(moved.path("town").path("code").asText()).isEqualTo(TOWN_CODE);
              return station;
            });
  }

  /**
   * The traveller's task, once case-service routed it to {@code station}: at creation, or moved
   * there when case-service learnt of the town's transfer (both asynchronous).
   */
  private UUID taskAtStation(CheckpointLane.Traveller traveller, UUID station) {
    UUID task = UUID.fromString(tasks.awaitTaskOf(traveller).path("id").asText());
    String officer = api.tokenFor(Roles.STATION_OFFICER, station);
    await("task " + task + " at station " + station)
        .atMost(VerificationTasks.ASYNC)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> tasks.get(officer, task).statusCode() == 200);
    return task;
  }

  private List<JsonNode> casesLinkedTo(String token, UUID station, UUID task) {
    HttpResponse<String> answer =
        api.call(
            "GET",
            "/api/v1/case/cases?kind=CONCEALMENT_OF_EXPOSURE&unitId=" + station + "&size=200",
            token,
            null,
            Map.of());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    List<JsonNode> linked = new ArrayList<>();
    GatewayApi.json(answer)
        .path("items")
        .forEach(
            c -> {
              if (task.toString().equals(c.path("linkedTaskId").asText())) {
                linked.add(c);
              }
            });
    return linked;
  }

  private HttpResponse<String> caseAnswer(String token, UUID caseId) {
    HttpResponse<String> answer =
        api.call("GET", "/api/v1/case/cases/" + caseId, token, null, Map.of());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private HttpResponse<String> status(
      String token, UUID caseId, String etag, Map<String, String> change) {
    return api.call(
        "POST",
        "/api/v1/case/cases/" + caseId + "/status",
        token,
        GatewayApi.body(change),
        Map.of("If-Match", etag));
  }

  /** Asserts a 200 and answers its new ETag. */
  private static String step(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return etag(answer);
  }

  private static String etag(HttpResponse<String> answer) {
    return answer.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(answer));
  }
}
