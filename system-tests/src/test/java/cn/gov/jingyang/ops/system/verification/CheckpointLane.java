package cn.gov.jingyang.ops.system.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.system.GatewayApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A checkpoint of one test, ACTIVE and run by a brigade of its own, with an inspector registered in
 * personnel-service, and the checkpoint officer of that brigade uploading inspections of travellers
 * from a risk region ({@value #RISK_PROVINCE}) as a tablet would: {@code POST
 * /api/v1/checkpoint/inspections/batch} with a token whose unit runs the checkpoint.
 */
final class CheckpointLane {

  static final String RISK_PROVINCE = "湖北省";

  /** A traveller whose inspection was uploaded: the inspection's id and their ID number. */
  record Traveller(UUID inspectionId, String idNumber, String name) {}

  private final GatewayApi api;
  private final UUID checkpoint;
  private final UUID inspector;
  private final String officer;

  private CheckpointLane(GatewayApi api, UUID checkpoint, UUID inspector, String officer) {
    this.api = api;
    this.checkpoint = checkpoint;
    this.inspector = inspector;
    this.officer = officer;
  }

  /** Sets the lane up: brigade, inspector, risk region in force, checkpoint ACTIVE. */
  static CheckpointLane open(GatewayApi api, DistrictUnits units) {
    String command = api.tokenFor(Roles.COMMAND);
    UUID brigade = units.brigade("治安");
    String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    Map<String, Object> person =
        Map.of("category", "AUXILIARY_POLICE", "name", "检查员" + run, "unitId", brigade.toString());
    HttpResponse<String> registered =
        api.call(
            "POST",
            "/api/v1/personnel/people",
            api.tokenFor(Roles.PERSONNEL_ADMIN),
            GatewayApi.body(person),
            Map.of());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    UUID inspector = UUID.fromString(GatewayApi.json(registered).path("id").asText());

    requireRiskRegion(api, command);

    Map<String, Object> planned = new HashMap<>();
    planned.put("code", "SYS-CP-" + run);
    planned.put("name", "系统测试卡点" + run);
    planned.put("road", "G108国道");
    planned.put("town", "孝泉镇");
    planned.put("kind", "NATIONAL_ROAD");
    planned.put("leadAgency", "旌阳公安分局");
    planned.put("unitId", brigade.toString());
    HttpResponse<String> created =
        api.call(
            "POST", "/api/v1/checkpoint/checkpoints", command, GatewayApi.body(planned), Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    UUID checkpoint = UUID.fromString(GatewayApi.json(created).path("id").asText());
    HttpResponse<String> active =
        api.call(
            "POST",
            "/api/v1/checkpoint/checkpoints/" + checkpoint + "/status",
            command,
            GatewayApi.body(Map.of("status", "ACTIVE")),
            Map.of());
    assertThat(active.statusCode()).as(active.body()).isEqualTo(200);

    // the inspector reaches checkpoint-service's replica through personnel.events
    await("inspector in checkpoint-service's replica")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                api.call(
                            "GET",
                            "/api/v1/checkpoint/personnel/" + inspector,
                            command,
                            null,
                            Map.of())
                        .statusCode()
                    == 200);
    return new CheckpointLane(
        api, checkpoint, inspector, api.tokenFor(Roles.CHECKPOINT_OFFICER, brigade));
  }

  /**
   * Uploads a batch with one record: a car with a traveller from {@value #RISK_PROVINCE}, no fever,
   * bound for {@code town}; asserts that the record was stored and the traveller flagged.
   */
  Traveller uploadTravellerBoundFor(String town) {
    String idNumber = newIdNumber();
    String name = "旅客" + idNumber.substring(14);
    Map<String, Object> occupant = new HashMap<>();
    occupant.put("name", name);
    occupant.put("idNumber", idNumber);
    occupant.put("originProvince", RISK_PROVINCE);
    occupant.put("originCity", "武汉市");
    occupant.put("stayedInRiskArea", false);
    occupant.put("temperature", 36.5);
    occupant.put("destinationTown", town);
    occupant.put("destinationAddress", town + "民主村3组12号");
    occupant.put("result", "HOME_QUARANTINE");
    Map<String, Object> record = new HashMap<>();
    record.put("clientRecordId", UUID.randomUUID().toString());
    record.put("checkpointId", checkpoint.toString());
    record.put("inspectedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).toString());
    record.put("direction", "INBOUND");
    record.put("plate", "川F" + (10000 + ThreadLocalRandom.current().nextInt(90000)));
    record.put("vehicleKind", "CAR");
    record.put("inspectorId", inspector.toString());
    record.put("occupants", List.of(occupant));
    HttpResponse<String> uploaded =
        api.call(
            "POST",
            "/api/v1/checkpoint/inspections/batch",
            officer,
            GatewayApi.body(Map.of("records", List.of(record))),
            Map.of());
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    JsonNode result = GatewayApi.json(uploaded).path("results").path(0);
    assertThat(result.path("outcome").asText()).as(uploaded.body()).isEqualTo("CREATED");
    assertThat(result.path("flaggedCount").asInt()).as(uploaded.body()).isEqualTo(1);
    assertThat(result.path("occupants").path(0).path("reasons").toString())
        .contains("FROM_RISK_REGION");
    return new Traveller(UUID.fromString(result.path("inspectionId").asText()), idNumber, name);
  }

  UUID checkpoint() {
    return checkpoint;
  }

  UUID inspector() {
    return inspector;
  }

  /** The token of the checkpoint officer of the brigade that runs the checkpoint. */
  String officer() {
    return officer;
  }

  /** Puts {@value #RISK_PROVINCE} among the risk regions in force if another test took it out. */
  private static void requireRiskRegion(GatewayApi api, String command) {
    // a read: asked again while a loaded service answers the gateway too late (504)
    HttpResponse<String> rules =
        await("risk rules in force")
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () -> api.call("GET", "/api/v1/checkpoint/risk-rules", command, null, Map.of()),
                answer -> answer.statusCode() == 200);
    JsonNode inForce = GatewayApi.json(rules);
    List<String> regions = new ArrayList<>();
    inForce.path("regions").forEach(r -> regions.add(r.asText()));
    if (regions.contains(RISK_PROVINCE)) {
      return;
    }
    regions.add(RISK_PROVINCE);
    List<String> symptoms = new ArrayList<>();
    inForce.path("symptoms").forEach(s -> symptoms.add(s.asText()));
    Map<String, Object> next =
        Map.of(
            "regions",
            regions,
            "temperatureThreshold",
            inForce.path("temperatureThreshold").decimalValue(),
            "symptoms",
            symptoms,
            "reason",
            "system test: travellers from " + RISK_PROVINCE + " are flagged");
    HttpResponse<String> changed =
        api.call(
            "PUT",
            "/api/v1/checkpoint/risk-rules",
            command,
            GatewayApi.body(next),
            Map.of("If-Match", rules.headers().firstValue("ETag").orElseThrow()));
    if (changed.statusCode() == 412) {
      requireRiskRegion(api, command); // changed meanwhile: read again
      return;
    }
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
  }

  /**
   * A valid, unused-looking ID number of the district: a random birth date and sequence, and the
   * ISO 7064 MOD 11-2 check character (one open task per person: every traveller is new).
   */
  private static String newIdNumber() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String first17 =
        "510603"
            + "%04d%02d%02d"
                .formatted(
                    1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28))
            + "%03d".formatted(random.nextInt(1000));
    return IdNumbers.complete(first17);
  }
}
