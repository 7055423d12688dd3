package cn.gov.jingyang.ops.personnel.unit;

import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.createUnit;
import static cn.gov.jingyang.ops.personnel.TestApi.unclaimedTown;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import cn.gov.jingyang.ops.platform.gazetteer.Gazetteer;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Towns written as free text before coverage was kept by code: a name that resolves becomes the
 * station's coverage (with its event), a name that does not stays behind for a person to settle.
 */
@QuarkusTest
class LegacyCoverageTest {

  @Inject DataSource db;
  @Inject LegacyCoverage legacy;

  @Test
  void shouldMoveResolvableLegacyTownsToCodesAndKeepTheRest() throws Exception {
    String code = unclaimedTown();
    String name = Gazetteer.load().town(code).orElseThrow().name();
    String station = createUnit("POLICE_STATION", bureau());
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("update unit set legacy_towns = ? where id = ?")) {
      ps.setArray(1, c.createArrayOf("text", new String[] {" " + name + " ", "不存在镇"}));
      ps.setObject(2, UUID.fromString(station));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    assertThat(legacy.migrate()).isGreaterThanOrEqualTo(1);

    as(Roles.COMMAND)
        .get("/units/" + station)
        .then()
        .statusCode(200)
        .body("towns.code", contains(code));
    JsonPath event = JsonPath.from(validEventsOf(db, station, "UnitCoverageChanged").get(0));
    assertThat(event.getList("data.towns.code")).containsExactly(code);
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("select legacy_towns from unit where id = ?")) {
      ps.setObject(1, UUID.fromString(station));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Array left = rs.getArray(1);
        assertThat((String[]) left.getArray()).containsExactly("不存在镇");
      }
    }
    // a second start places nothing more and publishes nothing more
    legacy.migrate();
    assertThat(validEventsOf(db, station, "UnitCoverageChanged")).hasSize(1);
  }
}
