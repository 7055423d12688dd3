package cn.gov.jingyang.ops.personnel;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.createUnit;
import static cn.gov.jingyang.ops.personnel.TestApi.etag;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.testing.Db;
import cn.gov.jingyang.ops.testing.SimultaneousWrites;
import cn.gov.jingyang.ops.testing.SimultaneousWrites.Answer;
import cn.gov.jingyang.ops.testing.SimultaneousWrites.Conflict;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 R5: 50 clients read the same version of a person, a party file, a station's coverage or
 * a deployment and write it at the same instant — one write lands, 49 are refused with 412/409
 * problem+json, the stored state is the winner's, the version moved on once and one event was
 * appended. A person registered 50 times at once with one Idempotency-Key is one person.
 */
@QuarkusTest
class SimultaneousWritesTest {

  private static final int WRITERS = 50;
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject DataSource db;

  private static String next(String etag) {
    return "\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"";
  }

  /** 50 writers of {@code path}'s version, writer w sending {@code body(w)} by {@code method}. */
  private static Conflict conflicting(
      String read, String method, String path, IntFunction<Object> body) throws Exception {
    return SimultaneousWrites.conflicting(
        WRITERS,
        w -> etag(read),
        (w, ifMatch) ->
            Answer.of(
                admin()
                    .header("If-Match", ifMatch)
                    .body(body.apply(w))
                    .request(method, path)
                    .then()
                    .extract()));
  }

  @Test
  void shouldLandOneOfFiftySimultaneousPersonEdits() throws Exception {
    Map<String, Object> details = TestApi.person("POLICE_OFFICER", bureau());
    String person = register(details);

    Conflict conflict =
        conflicting(
            "/people/" + person,
            "PUT",
            "/people/" + person,
            w -> {
              Map<String, Object> changed = new HashMap<>(details);
              changed.put("position", "副所長 第" + w + "組");
              return changed;
            });

    String position = "副所長 第" + conflict.soleWinner() + "組";
    admin()
        .get("/people/" + person)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("position", equalTo(position));
    List<String> events = validEventsOf(db, person, "PersonUpdated");
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).contains(position);
  }

  @Test
  void shouldLandOneOfFiftySimultaneousPartyStatusChanges() throws Exception {
    String person = register("POLICE_OFFICER", bureau());
    String path = "/people/" + person + "/party-status";
    LocalDate first = LocalDate.of(2019, 1, 1);

    Conflict conflict =
        conflicting(
            path,
            "PUT",
            path,
            w -> Map.of("status", "ACTIVIST", "since", first.plusDays(w).toString()));

    String since = first.plusDays(conflict.soleWinner()).toString();
    admin()
        .get(path)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("status", equalTo("ACTIVIST"))
        .body("since", equalTo(since));
    List<String> events = validEventsOf(db, person, "PartyStatusChanged");
    assertThat(events).hasSize(1);
    assertThat(JsonPath.from(events.get(0)).getString("data.since")).isEqualTo(since);
  }

  @Test
  void shouldLandOneOfFiftySimultaneousCoverageChanges() throws Exception {
    List<String> towns = List.of(TestApi.unclaimedTown(), TestApi.unclaimedTown());
    String station = createUnit("POLICE_STATION", bureau());

    Conflict conflict =
        conflicting(
            "/units/" + station,
            "PUT",
            "/units/" + station + "/coverage",
            w -> Map.of("towns", List.of(towns.get(w % 2))));

    String town = towns.get(conflict.soleWinner() % 2);
    admin()
        .get("/units/" + station)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("towns.code", equalTo(List.of(town)));
    List<String> events = validEventsOf(db, station, "UnitCoverageChanged");
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).contains(town);
    // give the towns back for the other tests of this JVM
    admin()
        .header("If-Match", etag("/units/" + station))
        .body(Map.of("towns", List.of()))
        .put("/units/" + station + "/coverage")
        .then()
        .statusCode(200);
    towns.forEach(TestApi::returnTown);
  }

  @Test
  void shouldLandOneOfFiftySimultaneousDeploymentEnds() throws Exception {
    String bureau = bureau();
    String brigade = createUnit("BRIGADE", bureau);
    Map<String, Object> start = new HashMap<>();
    start.put("fromUnitId", brigade);
    start.put("toUnitId", createUnit("POLICE_STATION", bureau));
    start.put("task", "household verification");
    start.put("startsOn", TODAY.minusDays(5).toString());
    start.put("personIds", List.of(register("POLICE_OFFICER", brigade)));
    String id =
        admin().body(start).post("/deployments").then().statusCode(201).extract().path("id");

    Conflict conflict =
        conflicting(
            "/deployments/" + id,
            "POST",
            "/deployments/" + id + "/end",
            w -> Map.of("endedOn", TODAY.minusDays(w % 4).toString(), "note", "ended by " + w));

    int winner = conflict.soleWinner();
    admin()
        .get("/deployments/" + id)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("endedOn", equalTo(TODAY.minusDays(winner % 4).toString()));
    List<String> events = validEventsOf(db, id, "DeploymentEnded");
    assertThat(events).hasSize(1);
    assertThat(JsonPath.from(events.get(0)).getString("data.note")).isEqualTo("ended by " + winner);
  }

  @Test
  void shouldRegisterOnePersonForFiftySimultaneousCopiesWithOneIdempotencyKey() throws Exception {
    Map<String, Object> details = TestApi.person("POLICE_OFFICER", bureau());
    String key = UUID.randomUUID().toString();

    Answer registered =
        SimultaneousWrites.identical(
            WRITERS,
            s ->
                Answer.of(
                    admin()
                        .header("Idempotency-Key", key)
                        .body(details)
                        .post("/people")
                        .then()
                        .extract()));

    assertThat(registered.status()).isEqualTo(201);
    String id = JsonPath.from(registered.body()).getString("id");
    assertThat(new Db(db).count("select count(*) from person where name = ?", details.get("name")))
        .isEqualTo(1);
    assertThat(validEventsOf(db, id, "PersonRegistered")).hasSize(1);
  }
}
