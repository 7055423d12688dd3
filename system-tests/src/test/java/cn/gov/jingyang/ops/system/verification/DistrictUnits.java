package cn.gov.jingyang.ops.system.verification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.system.GatewayApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Units of one test, registered through personnel-service's public API under a bureau of their own,
 * with codes unique to the run: the stack is shared, so no unit or town is assumed free. A town a
 * test needs is moved onto its station with the coverage transfer endpoint, from whichever station
 * covers it now.
 */
final class DistrictUnits {

  private static final int TRANSFER_ATTEMPTS = 5;

  private final GatewayApi api;
  private final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  private final UUID bureau;
  private int registered;

  DistrictUnits(GatewayApi api) {
    this.api = api;
    this.bureau = register("BUREAU", "BU", "系统测试分局", null);
  }

  /** A new police station of this run, covering no town yet. */
  UUID station(String name) {
    return register("POLICE_STATION", "PS", name + "派出所", bureau);
  }

  /** A new brigade of this run (e.g. the public-order brigade that runs a checkpoint). */
  UUID brigade(String name) {
    return register("BRIGADE", "BR", name + "大队", bureau);
  }

  /** The station covering {@code town} now (a name or gazetteer code), if any. */
  Optional<UUID> coveringStation(String town) {
    HttpResponse<String> answer =
        api.call(
            "GET",
            "/api/v1/personnel/units/coverage?town="
                + URLEncoder.encode(town, StandardCharsets.UTF_8),
            admin(),
            null,
            Map.of());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode stations = GatewayApi.json(answer);
    return stations.isEmpty()
        ? Optional.empty()
        : Optional.of(UUID.fromString(stations.get(0).path("id").asText()));
  }

  /**
   * Moves {@code town} to {@code station} in one step ({@code POST
   * /api/v1/personnel/units/coverage/transfers}), from the station seen covering it; the answer
   * ({@code {town, from, to}}). Another test moving the same town meanwhile is a 412: read again.
   */
  JsonNode moveTown(String town, UUID station) {
    for (int attempt = 1; ; attempt++) {
      Optional<UUID> from = coveringStation(town);
      HttpResponse<String> unit =
          api.call("GET", "/api/v1/personnel/units/" + station, admin(), null, Map.of());
      assertThat(unit.statusCode()).as(unit.body()).isEqualTo(200);
      Map<String, Object> transfer = new HashMap<>();
      transfer.put("town", town);
      transfer.put("toUnitId", station.toString());
      from.ifPresent(id -> transfer.put("fromUnitId", id.toString()));
      HttpResponse<String> moved =
          api.call(
              "POST",
              "/api/v1/personnel/units/coverage/transfers",
              api.tokenFor(Roles.COMMAND),
              GatewayApi.body(transfer),
              Map.of("If-Match", unit.headers().firstValue("ETag").orElseThrow()));
      if (moved.statusCode() == 412 && attempt < TRANSFER_ATTEMPTS) {
        continue;
      }
      assertThat(moved.statusCode()).as("move %s: %s", town, moved.body()).isEqualTo(200);
      return GatewayApi.json(moved);
    }
  }

  private UUID register(String kind, String code, String name, UUID parent) {
    Map<String, Object> unit = new HashMap<>();
    unit.put("code", "SYS-" + run + "-" + code + (++registered));
    unit.put("name", name + " " + run);
    unit.put("kind", kind);
    if (parent != null) {
      unit.put("parentId", parent.toString());
    }
    HttpResponse<String> created =
        api.call("POST", "/api/v1/personnel/units", admin(), GatewayApi.body(unit), Map.of());
    assertThat(created.statusCode()).as("register %s: %s", name, created.body()).isEqualTo(201);
    return UUID.fromString(GatewayApi.json(created).path("id").asText());
  }

  private String admin() {
    return api.tokenFor(Roles.PERSONNEL_ADMIN);
  }
}
