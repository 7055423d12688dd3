package cn.gov.jingyang.ops.platform.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventFeedTest {

  @Inject DataSource dataSource;

  private static String feedToken() {
    return DevTokens.token("province", Roles.PROVINCIAL_PLATFORM);
  }

  private static String writeNote(Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(DevTokens.token("tester", Roles.COMMAND))
        .contentType("application/json")
        .body(body)
        .post("/test/notes")
        .then()
        .statusCode(200)
        .extract()
        .path("eventId");
  }

  private static JsonPath page(long after, int limit) {
    return given()
        .auth()
        .oauth2(feedToken())
        .queryParam("after", after)
        .queryParam("limit", limit)
        .get("/events")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** 0, or where the feed starts once retention has purged (see the 410 test). */
  private static long earliestCursor() {
    var response = given().auth().oauth2(feedToken()).queryParam("after", 0).get("/events");
    return response.statusCode() == 410 ? response.jsonPath().getLong("earliestCursor") : 0;
  }

  /** Reads the whole feed page by page, as the provincial platform does. */
  private static List<Map<String, Object>> readAll(int pageSize) {
    List<Map<String, Object>> all = new ArrayList<>();
    long cursor = earliestCursor();
    while (true) {
      JsonPath page = page(cursor, pageSize);
      List<Map<String, Object>> events = page.getList("events");
      assertThat(events.size()).isLessThanOrEqualTo(pageSize);
      all.addAll(events);
      cursor = page.getLong("nextCursor");
      if (!page.getBoolean("hasMore")) {
        return all;
      }
    }
  }

  @Test
  void shouldMaskIdNumbersAndPhonesInTheFeed() {
    String eventId =
        writeNote(
            Map.of(
                "text", "resident 510603199001011234 called from 13812345678",
                "nationalId", "510603199001011234",
                "phone", "13812345678"));
    Map<String, Object> item =
        readAll(50).stream()
            .filter(e -> eventId.equals(((Map<?, ?>) e.get("event")).get("id")))
            .findFirst()
            .orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> data =
        (Map<String, Object>) ((Map<String, Object>) item.get("event")).get("data");
    assertThat(data.get("nationalId")).isEqualTo("510603********1234");
    assertThat(data.get("phone")).isEqualTo("138****5678");
    assertThat(data.get("text")).isEqualTo("resident 510603********1234 called from 138****5678");
  }

  @Test
  void shouldServeEveryEventOnceInCursorOrderAndReplayFromAnyCursor() {
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      written.add(writeNote(Map.of("text", "feed " + i, "noteId", UUID.randomUUID())));
    }
    List<Map<String, Object>> all = readAll(3);
    List<Long> cursors = all.stream().map(e -> ((Number) e.get("cursor")).longValue()).toList();
    assertThat(cursors).isSorted().doesNotHaveDuplicates();
    List<Object> ids =
        all.stream().map(e -> (Object) ((Map<?, ?>) e.get("event")).get("id")).toList();
    assertThat(ids).containsSubsequence(written.toArray());

    long middle = cursors.get(cursors.size() - 4);
    List<Map<String, Object>> replay = page(middle, 1000).getList("events");
    assertThat(replay).hasSize(3);
    assertThat(replay).isEqualTo(all.subList(all.size() - 3, all.size()));
  }

  @Test
  void shouldCapAnOversizedPageInsteadOfFailing() {
    for (int i = 0; i < 3; i++) {
      writeNote(Map.of("text", "cap " + i));
    }
    given()
        .auth()
        .oauth2(feedToken())
        .queryParam("after", earliestCursor())
        .queryParam("limit", 1_000_000)
        .get("/events")
        .then()
        .statusCode(200);
    assertThat(page(earliestCursor(), 2).getList("events")).hasSize(2);
  }

  @Test
  void shouldAnswer410NamingTheEarliestCursorWhenRetentionHasPurgedPastTheReader()
      throws Exception {
    for (int i = 0; i < 3; i++) {
      writeNote(Map.of("text", "purged " + i));
    }
    List<Map<String, Object>> all = readAll(100);
    long kept = ((Number) all.get(all.size() - 2).get("cursor")).longValue();
    // what Retention records when it has purged the log up to and including cursor `kept`
    try (Connection c = dataSource.getConnection()) {
      c.createStatement()
          .execute(
              "update outbox_purge_horizon set purged_through = greatest(purged_through, "
                  + kept
                  + ")");
    }

    given()
        .auth()
        .oauth2(feedToken())
        .queryParam("after", kept - 1)
        .get("/events")
        .then()
        .statusCode(410)
        .contentType("application/problem+json")
        .body("type", endsWith("/cursor-expired"))
        .body("status", equalTo(410))
        .body("earliestCursor", equalTo((int) kept));
    given()
        .auth()
        .oauth2(feedToken())
        .queryParam("after", 0)
        .get("/events")
        .then()
        .statusCode(410)
        .body("earliestCursor", equalTo((int) kept));
    List<Map<String, Object>> resumed = page(kept, 100).getList("events");
    assertThat(resumed).isNotEmpty();
    assertThat(resumed.get(0)).isEqualTo(all.get(all.size() - 1));
  }

  @Test
  void shouldRefuseANegativeCursorNamingIt() {
    given()
        .auth()
        .oauth2(feedToken())
        .queryParam("after", -1)
        .get("/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("after"));
  }

  @Test
  void shouldKeepTheFeedFromRolesThatDoNotReadIt() {
    given()
        .auth()
        .oauth2(DevTokens.token("officer", Roles.CHECKPOINT_OFFICER))
        .get("/events")
        .then()
        .statusCode(403);
    given().get("/events").then().statusCode(401);
  }
}
