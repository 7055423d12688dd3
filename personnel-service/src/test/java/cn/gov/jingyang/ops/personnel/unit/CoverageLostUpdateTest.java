package cn.gov.jingyang.ops.personnel.unit;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.createUnit;
import static cn.gov.jingyang.ops.personnel.TestApi.etag;
import static cn.gov.jingyang.ops.personnel.TestApi.returnTown;
import static cn.gov.jingyang.ops.personnel.TestApi.unclaimedTown;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.ConcurrentWriters;
import cn.gov.jingyang.ops.testing.ConcurrentWriters.Answer;
import cn.gov.jingyang.ops.testing.ConcurrentWriters.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Lost updates of coverage (issue 8 §4): replacing a station's towns and moving a town take
 * If-Match; a write based on a stale reading is 412 and changes nothing. Each test gives its towns
 * back to {@link cn.gov.jingyang.ops.personnel.TestApi#unclaimedTown()} (the gazetteer has 17).
 */
@QuarkusTest
class CoverageLostUpdateTest {

  private static final String TRANSFERS = "/units/coverage/transfers";

  @Inject DataSource db;

  private static ExtractableResponse<Response> putCoverage(
      String station, String ifMatch, List<String> towns) {
    var request = admin().body(Map.of("towns", towns));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.put("/units/" + station + "/coverage").then().extract();
  }

  private static void release(String station, String... towns) {
    assertThat(putCoverage(station, etag("/units/" + station), List.of()).statusCode())
        .isEqualTo(200);
    for (String town : towns) {
      returnTown(town);
    }
  }

  @Test
  void shouldReplaceCoverageOnlyForTheVersionTheWriterRead() {
    String town = unclaimedTown();
    String station = createUnit("POLICE_STATION", bureau());
    as(Roles.COMMAND)
        .get("/units/" + station)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("version", equalTo(0));

    var missing = putCoverage(station, null, List.of(town));
    assertThat(missing.statusCode()).isEqualTo(428);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(putCoverage(station, "\"7\"", List.of(town)).statusCode()).isEqualTo(412);
    assertThat(putCoverage(station, "\"not-a-version\"", List.of(town)).statusCode())
        .isEqualTo(412);
    as(Roles.COMMAND).get("/units/" + station).then().body("towns", empty());

    var first = putCoverage(station, "\"0\"", List.of(town));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.header("ETag")).isEqualTo("\"1\"");
    // a second client that also read version 0 would drop the town unseen: refused
    var stale = putCoverage(station, "W/\"0\"", List.of());
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(stale.jsonPath().getString("detail")).contains("version 1");
    as(Roles.COMMAND).get("/units/" + station).then().body("towns.code", contains(town));
    assertThat(validEventsOf(db, station, "UnitCoverageChanged")).hasSize(1);

    release(station, town);
  }

  @Test
  void shouldMoveATownOnlyIfTheReceivingStationAndTheTownsStationAreAsRead() {
    String town = unclaimedTown();
    String a = createUnit("POLICE_STATION", bureau(), town);
    String b = createUnit("POLICE_STATION", bureau());
    String c = createUnit("POLICE_STATION", bureau());
    String cRead = etag("/units/" + c);

    admin()
        .body(Map.of("town", town, "toUnitId", b, "fromUnitId", a))
        .post(TRANSFERS)
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
    admin()
        .header("If-Match", "\"5\"")
        .body(Map.of("town", town, "toUnitId", b, "fromUnitId", a))
        .post(TRANSFERS)
        .then()
        .statusCode(412);
    // the caller saw the town uncovered, but A covers it
    admin()
        .header("If-Match", etag("/units/" + b))
        .body(Map.of("town", town, "toUnitId", b))
        .post(TRANSFERS)
        .then()
        .statusCode(412)
        .body("detail", containsString(a));

    admin()
        .header("If-Match", etag("/units/" + b))
        .body(Map.of("town", town, "toUnitId", b, "fromUnitId", a))
        .post(TRANSFERS)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("from.id", equalTo(a))
        .body("to.id", equalTo(b));
    // a second admin, who also read "the town is A's", moves it to C: that would undo B's move
    // unseen
    admin()
        .header("If-Match", cRead)
        .body(Map.of("town", town, "toUnitId", c, "fromUnitId", a))
        .post(TRANSFERS)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("detail", containsString(b));
    as(Roles.COMMAND)
        .queryParam("town", town)
        .get("/units/coverage")
        .then()
        .body("id", contains(b));
    assertThat(validEventsOf(db, a, "UnitCoverageChanged")).hasSize(2);
    assertThat(validEventsOf(db, b, "UnitCoverageChanged")).hasSize(1);
    assertThat(validEventsOf(db, c, "UnitCoverageChanged")).isEmpty();

    release(b, town);
  }

  /**
   * 50 clients change one station's coverage at once, each toggling one of two towns on the list it
   * read. The gazetteer has too few towns for 50 distinct additions, so "no update lost" is shown
   * by the history: 50 versions, 50 events, each made from exactly the towns the one before left.
   */
  @Test
  void shouldLoseNoneOfFiftyConcurrentCoverageChanges() throws Exception {
    List<String> towns = List.of(unclaimedTown(), unclaimedTown());
    String station = createUnit("POLICE_STATION", bureau());

    Outcome outcome =
        ConcurrentWriters.run(
            50,
            writer -> {
              var read = admin().get("/units/" + station).then().statusCode(200).extract();
              List<String> list = new ArrayList<>(read.jsonPath().getList("towns.code"));
              String mine = towns.get(writer % 2);
              if (!list.remove(mine)) {
                list.add(mine);
              }
              var written = putCoverage(station, read.header("ETag"), list);
              return new Answer(written.statusCode(), written.header("ETag"));
            });

    assertThat(outcome.unexpected()).isEmpty();
    assertThat(outcome.preconditionFailures()).as("writes refused with 412").isPositive();
    assertThat(outcome.etags())
        .as("each landed write made its own version")
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 50).mapToObj(v -> "\"" + v + "\"").toList());
    List<JsonPath> events =
        validEventsOf(db, station, "UnitCoverageChanged").stream().map(JsonPath::from).toList();
    assertThat(events).hasSize(50);
    Set<String> left = Set.of();
    for (JsonPath event : events) {
      Set<String> before = new HashSet<>(event.getList("data.previousTowns.code", String.class));
      Set<String> after = new HashSet<>(event.getList("data.towns.code", String.class));
      assertThat(before).as("made from what the previous write left").isEqualTo(left);
      Set<String> changed = new HashSet<>(before);
      changed.addAll(after);
      changed.removeAll(intersection(before, after));
      assertThat(changed).as("one town toggled").hasSize(1);
      left = after;
    }
    // 25 toggles of each town: added 13 times, removed 12
    as(Roles.COMMAND)
        .get("/units/" + station)
        .then()
        .header("ETag", "\"50\"")
        .body("towns.code", containsInAnyOrder(towns.toArray()));

    release(station, towns.toArray(String[]::new));
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return both;
  }
}
