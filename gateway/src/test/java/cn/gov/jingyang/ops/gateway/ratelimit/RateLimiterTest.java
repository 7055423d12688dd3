package cn.gov.jingyang.ops.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import cn.gov.jingyang.ops.gateway.GatewayCalls;
import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** In the test profile an AUDITOR may send 3 requests, refilled at one per 1,000 s. */
@QuarkusTest
class RateLimiterTest {

  @Test
  void shouldRefuseTheRequestAfterTheAllowanceWith429AndRetryAfter() {
    String token = DevTokens.token("auditor-" + UUID.randomUUID(), Roles.AUDITOR);
    String key = "limited-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/checkpoint/echo/" + key)
          .then()
          .statusCode(200)
          .header("RateLimit-Limit", "3")
          .header("RateLimit-Remaining", String.valueOf(2 - i));
    }
    Response refused = given().auth().oauth2(token).get("/api/v1/checkpoint/echo/" + key);
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", endsWith("/rate-limited"))
        .header("RateLimit-Remaining", "0");
    assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 1000L);
    assertThat(GatewayCalls.upstreamHits(key)).as("the refused request went nowhere").isEqualTo(3);
  }

  @Test
  void shouldGiveTheLargestAllowanceAmongTheCallersRoles() {
    String token = DevTokens.token("chief-" + UUID.randomUUID(), Roles.AUDITOR, Roles.COMMAND);
    for (int i = 0; i < 6; i++) {
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/checkpoint/echo/chief")
          .then()
          .statusCode(200)
          .header("RateLimit-Limit", "600");
    }
  }

  @Test
  void shouldCountEachClientOnItsOwn() {
    String first = DevTokens.token("auditor-" + UUID.randomUUID(), Roles.AUDITOR);
    for (int i = 0; i < 4; i++) {
      given().auth().oauth2(first).get("/api/v1/checkpoint/echo/first-auditor");
    }
    String second = DevTokens.token("auditor-" + UUID.randomUUID(), Roles.AUDITOR);
    given().auth().oauth2(second).get("/api/v1/checkpoint/echo/second").then().statusCode(200);
  }

  @Test
  void shouldNotTrustTheRolesOfAForgedToken() {
    // signed by another key: the caller is anonymous, counted by address with the anonymous
    // allowance
    String forged = DevTokens.tokenSignedByAnotherKey("mallory", Roles.AUDITOR);
    given()
        .auth()
        .oauth2(forged)
        .get("/api/v1/checkpoint/echo/forged")
        .then()
        .statusCode(200)
        .header("RateLimit-Limit", "100000");
  }
}
