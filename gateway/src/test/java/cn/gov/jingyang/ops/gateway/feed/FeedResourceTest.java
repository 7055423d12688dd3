package cn.gov.jingyang.ops.gateway.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/feed/<name>} reads the service's hidden {@code /events} (here the fake upstream,
 * which echoes what reached it and holds a request with {@code wait} for that many seconds).
 */
@QuarkusTest
class FeedResourceTest {

  private static final String PROVINCE = DevTokens.token("province", Roles.PROVINCIAL_PLATFORM);

  private static JsonPath read(String token, String feed, Map<String, ?> query) {
    return given()
        .auth()
        .oauth2(token)
        .header("X-Request-Id", "feed-test-1")
        .queryParams(query)
        .get("/api/v1/feed/" + feed)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void shouldReadTheServicesHiddenEventsWithTheCallersTokenAndCursor() {
    JsonPath echoed = read(PROVINCE, "checkpoint", Map.of("after", 42, "limit", 10, "wait", 0));
    assertThat(echoed.getString("method")).isEqualTo("GET");
    assertThat(echoed.getString("path")).isEqualTo("/events");
    assertThat(echoed.getString("query")).isEqualTo("after=42&limit=10&wait=0");
    assertThat(echoed.getString("headers.authorization")).isEqualTo("Bearer " + PROVINCE);
    assertThat(echoed.getString("headers.x-request-id")).isEqualTo("feed-test-1");
    assertThat(echoed.getString("headers.traceparent")).isNotBlank();

    // the route's base path is kept; defaults are passed as such
    JsonPath personnel = read(DevTokens.token("chief", Roles.COMMAND), "personnel", Map.of());
    assertThat(personnel.getString("path")).isEqualTo("/personnel-base/events");
    assertThat(personnel.getString("query")).isEqualTo("after=0&wait=0");
  }

  @Test
  void shouldWaitLongerThanTheRoutesTimeoutWhenTheReaderAsksToWait() {
    // the slow route gives its upstream 1.5 s; a reader waiting 3 s gets the empty page, not 504
    long started = System.nanoTime();
    JsonPath echoed = read(PROVINCE, "slow", Map.of("after", 7, "wait", 3));
    assertThat(echoed.getString("query")).isEqualTo("after=7&wait=3");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void shouldRefuseOtherRolesAndCallersWithoutAToken() {
    given()
        .auth()
        .oauth2(DevTokens.token("officer", Roles.CHECKPOINT_OFFICER))
        .get("/api/v1/feed/checkpoint")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .get("/api/v1/feed/checkpoint")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseACursorPageSizeOrWaitOutOfRangeNamingIt() {
    Map<String, Map<String, Object>> refused =
        Map.of(
            "after", Map.of("after", -1),
            "limit", Map.of("limit", 0),
            "wait", Map.of("wait", 31));
    refused.forEach(
        (field, query) ->
            given()
                .auth()
                .oauth2(PROVINCE)
                .queryParams(query)
                .get("/api/v1/feed/checkpoint")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field)));
    given()
        .auth()
        .oauth2(PROVINCE)
        .queryParam("limit", 1001)
        .get("/api/v1/feed/checkpoint")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
  }

  @Test
  void shouldAnswer404ForAFeedNoRouteServes() {
    given()
        .auth()
        .oauth2(PROVINCE)
        .get("/api/v1/feed/weather")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
