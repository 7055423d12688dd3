package cn.gov.jingyang.ops.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ops.dashboard.tile-url} reaches the page without a token: the dashboard reads it from
 * {@code /dashboard-config.json} and draws those tiles under the district outline.
 */
@QuarkusTest
@TestProfile(DashboardTileUrlTest.WithTiles.class)
class DashboardTileUrlTest {

  static final String TILES = "https://tiles.jingyang.test/{z}/{x}/{y}.png";

  public static class WithTiles implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("ops.dashboard.tile-url", TILES);
    }
  }

  @Test
  void theConfiguredTileUrlIsWhatThePageGets() {
    given()
        .get("/dashboard-config.json")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("tileUrl", equalTo(TILES));
  }
}
