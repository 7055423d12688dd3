package cn.gov.jingyang.ops.personnel;

import static io.restassured.RestAssured.given;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.gazetteer.Gazetteer;
import cn.gov.jingyang.ops.platform.gazetteer.Town;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Shared steps of the HTTP tests: callers with a role, units and people to work with, emitted
 * events.
 */
public final class TestApi {

  private TestApi() {}

  public static RequestSpecification as(String role) {
    return given()
        .auth()
        .oauth2(DevTokens.token("tester-" + role.toLowerCase(), role))
        .contentType(ContentType.JSON);
  }

  public static RequestSpecification admin() {
    return as(Roles.PERSONNEL_ADMIN);
  }

  /** The ETag a GET of this path answers: what If-Match of the next write of it names. */
  public static String etag(String path) {
    return admin().get(path).then().statusCode(200).extract().header("ETag");
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * A gazetteer town no station covers yet (and not handed out before in this JVM): a town has one
   * station, and the tests share one database. Returns its code.
   */
  public static synchronized String unclaimedTown() {
    List<Town> towns = new ArrayList<>(Gazetteer.load().towns());
    // TownCoverageTest names these towns: hand them out last
    towns.sort(java.util.Comparator.comparing(t -> LAST.contains(t.code())));
    for (Town town : towns) {
      if (HANDED_OUT.add(town.code())
          && as(Roles.COMMAND)
              .queryParam("town", town.code())
              .get("/units/coverage")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("$")
              .isEmpty()) {
        return town.code();
      }
    }
    throw new IllegalStateException("every town of the gazetteer is covered: too many tests");
  }

  /**
   * A town a test took with {@link #unclaimedTown()} and no station covers any more: free again.
   */
  public static synchronized void returnTown(String code) {
    HANDED_OUT.remove(code);
  }

  private static final java.util.Set<String> LAST =
      java.util.Set.of("510603-T10", "510603-T12", "510603-T13", "510603-T15", "510603-T16");

  private static final java.util.Set<String> HANDED_OUT = new java.util.HashSet<>();

  public static String badge() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
  }

  public static String createUnit(String kind, String parentId, String... towns) {
    Map<String, Object> body =
        new java.util.HashMap<>(Map.of("code", unique(kind), "name", unique("單位"), "kind", kind));
    if (parentId != null) {
      body.put("parentId", parentId);
    }
    body.put("towns", List.of(towns));
    return admin().body(body).post("/units").then().statusCode(201).extract().path("id");
  }

  public static String bureau() {
    return createUnit("BUREAU", null);
  }

  public static Map<String, Object> person(String category, String unitId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("category", category);
    if ("POLICE_OFFICER".equals(category)) {
      body.put("badgeNumber", badge());
    }
    body.put("name", unique("張偉"));
    body.put("unitId", unitId);
    body.put("position", "副所長");
    body.put("phone", "138" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    body.put("qualifications", List.of("省級戰訓教官"));
    return body;
  }

  public static String register(String category, String unitId) {
    return register(person(category, unitId));
  }

  public static String register(Map<String, Object> body) {
    return admin().body(body).post("/people").then().statusCode(201).extract().path("id");
  }

  /**
   * The events this service appended for an aggregate, oldest first, as the CloudEvents JSON sent
   * to Kafka.
   */
  public static List<String> eventsOf(DataSource db, String aggregateId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select event::text from outbox where aggregate_id = ? order by seq")) {
      ps.setString(1, aggregateId);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The events of one type for an aggregate, each checked against its contract in contracts/. */
  public static List<String> validEventsOf(DataSource db, String aggregateId, String eventName) {
    List<String> all = eventsOf(db, aggregateId);
    all.forEach(EventContracts::assertValid);
    return all.stream()
        .filter(
            e ->
                ("cn.gov.jingyang.personnel." + eventName)
                    .equals(JsonPath.from(e).getString("type")))
        .toList();
  }
}
