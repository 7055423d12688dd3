package cn.gov.jingyang.ops.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /oauth/token} and {@code POST /auth/login} share one token bucket per client address:
 * here 3 attempts, then 429 with Retry-After (OAuth's JSON at the token endpoint, problem+json at
 * the login), while the API's own allowance is untouched.
 */
@QuarkusTest
@TestProfile(CredentialRateLimitTest.ThreeAttempts.class)
class CredentialRateLimitTest {

  public static class ThreeAttempts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "ops.gateway.rate-limit.credentials.capacity", "3",
          "ops.gateway.rate-limit.credentials.refill-per-second", "0.001");
    }
  }

  private static ValidatableResponse token() {
    return given()
        .auth()
        .preemptive()
        .basic("seeded-desk", "seeded-desk-secret")
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", "client_credentials")
        .post("/oauth/token")
        .then();
  }

  private static ValidatableResponse login() {
    return given()
        .contentType("application/json")
        .body(Map.of("username", "duty.officer", "password", "correct-horse-battery"))
        .post("/auth/login")
        .then();
  }

  @Test
  void shouldRefuseTheFourthAttemptFromAnAddressWithRetryAfter() {
    token().statusCode(200).header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2");
    login().statusCode(200).header("RateLimit-Remaining", "1");
    token().statusCode(200);

    // right credentials, but the address has used its attempts
    token()
        .statusCode(429)
        .contentType("application/json")
        .header("Retry-After", not(equalTo("0")))
        .header("Cache-Control", "no-store")
        .body("error", equalTo("slow_down"));
    login()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", not(equalTo("0")))
        .body("status", equalTo(429))
        .body("type", org.hamcrest.Matchers.endsWith("/rate-limited"));

    // the API's allowance is a bucket of its own
    given().get("/api/v1/checkpoint/echo/credential-limit").then().statusCode(200);
  }
}
