package cn.gov.jingyang.ops.gateway.cors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The test profile allows the origin https://dashboard.test. */
@QuarkusTest
class CorsPolicyTest {

  @Test
  void shouldAnswerAPreflightFromAnAllowedOrigin() {
    given()
        .header("Origin", "https://dashboard.test")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key")
        .options("/api/v1/checkpoint/inspections")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", "https://dashboard.test")
        .header("Access-Control-Allow-Methods", containsString("POST"))
        .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
        .header("Access-Control-Max-Age", "600");
  }

  @Test
  void shouldRefuseAPreflightFromAnotherOriginWithProblemJson() {
    given()
        .header("Origin", "https://evil.test")
        .header("Access-Control-Request-Method", "DELETE")
        .options("/api/v1/checkpoint/inspections")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403))
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void shouldLetAnAllowedOriginReadTheAnswer() {
    given()
        .header("Origin", "https://dashboard.test")
        .get("/api/v1/checkpoint/echo/cors")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "https://dashboard.test")
        .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    given()
        .header("Origin", "https://evil.test")
        .get("/api/v1/checkpoint/echo/cors")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
