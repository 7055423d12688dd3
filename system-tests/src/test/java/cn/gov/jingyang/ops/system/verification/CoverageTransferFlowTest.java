package cn.gov.jingyang.ops.system.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.system.GatewayApi;
import cn.gov.jingyang.ops.system.SystemStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, scenario 5, through the gateway only: a town (黄许) moved to another station's coverage
 * takes its open verification tasks along — the new station's officer sees them, the old one's no
 * longer does — and the next traveller flagged bound for it is the new station's from the start.
 */
class CoverageTransferFlowTest {

  private static final String TOWN = "黄许";
  private static final String TOWN_CODE = "510603-T11";

  private final GatewayApi api = SystemStack.get().api();
  private final DistrictUnits units = new DistrictUnits(api);
  private final VerificationTasks tasks = new VerificationTasks(api);

  @Test
  void shouldMoveATownsOpenTasksAndItsNextFlaggedTravellerToTheStationThatTakesItOver() {
    UUID oldStation = units.station(TOWN);
    UUID newStation = units.station("德新");
    units.moveTown(TOWN, oldStation);
    CheckpointLane lane = CheckpointLane.open(api, units);
    String oldOfficer = api.tokenFor(Roles.STATION_OFFICER, oldStation);
    String newOfficer = api.tokenFor(Roles.STATION_OFFICER, newStation);

    // an open task at the old station
    CheckpointLane.Traveller first = lane.uploadTravellerBoundFor("黄许镇");
    UUID open = UUID.fromString(tasks.awaitTaskOf(first).path("id").asText());
    await("task " + open + " at the old station")
        .atMost(VerificationTasks.ASYNC)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(tasks.get(oldOfficer, open).statusCode()).isEqualTo(200);
              assertThat(tasks.listed(oldOfficer, open)).isTrue();
            });
    assertThat(tasks.get(newOfficer, open).statusCode()).isEqualTo(404);

    // the town moves, in one step, from the station covering it to the new one
    JsonNode moved = units.moveTown(TOWN, newStation);
    assertThat(moved.path("town").path("code").asText()).isEqualTo(TOWN_CODE);
    assertThat(moved.path("from").path("id").asText()).isEqualTo(oldStation.toString());
    assertThat(moved.path("to").path("id").asText()).isEqualTo(newStation.toString());
    assertThat(units.coveringStation("黄许镇")).contains(newStation);

    // its open task follows: the new station's officer sees it, the old one's no longer does
    await("task " + open + " moved to the new station")
        .atMost(VerificationTasks.ASYNC)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(tasks.get(newOfficer, open).statusCode()).isEqualTo(200);
              assertThat(tasks.listed(newOfficer, open)).isTrue();
              assertThat(tasks.get(oldOfficer, open).statusCode()).isEqualTo(404);
              assertThat(tasks.listed(oldOfficer, open)).isFalse();
            });
    JsonNode rerouted = tasks.read(newOfficer, open);
    assertThat(rerouted.path("stationUnitId").asText()).isEqualTo(newStation.toString());
    assertThat(rerouted.path("status").asText()).as("still open").isEqualTo("PENDING");
    assertThat(rerouted.path("idNumber").asText()).isEqualTo(first.idNumber());

    // case-service applied the move (the task moved in the same transaction): the next traveller
    // bound for the town is routed to the new station when the task is opened
    CheckpointLane.Traveller next = lane.uploadTravellerBoundFor("黄许镇");
    JsonNode created = tasks.awaitTaskOf(next);
    UUID nextTask = UUID.fromString(created.path("id").asText());
    assertThat(created.path("stationUnitId").asText()).isEqualTo(newStation.toString());
    assertThat(created.path("townCode").asText()).isEqualTo(TOWN_CODE);
    assertThat(tasks.read(newOfficer, nextTask).path("idNumber").asText())
        .isEqualTo(next.idNumber());
    assertThat(tasks.listed(newOfficer, nextTask)).isTrue();
    assertThat(tasks.get(oldOfficer, nextTask).statusCode()).isEqualTo(404);
    assertThat(tasks.listed(oldOfficer, nextTask)).isFalse();
  }
}
