package cn.gov.jingyang.ops.gateway.login;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.gateway.token.Jwks;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * People log in with a password (the account seeded from the test configuration) and get the same
 * kind of token as systems; failures are throttled per username and per address.
 */
@QuarkusTest
class PersonLoginTest {

  private static final String USER = "duty.officer";
  private static final String PASSWORD = "correct-horse-battery";
  private static final String UNIT = "5f0c9a52-3f5e-4c38-9f1e-0d2a4c7b8e11";

  @Inject LoginThrottle throttle;

  @BeforeEach
  void cleanSlate() {
    throttle.forgetAll(); // other test classes share this gateway and its address 127.0.0.1
  }

  private static ValidatableResponse login(String username, String password) {
    return given()
        .contentType("application/json")
        .body(Map.of("username", username, "password", password))
        .post("/auth/login")
        .then();
  }

  @Test
  void shouldGiveAPersonATokenWithTheirRolesAndUnit() throws Exception {
    String token =
        login(USER, PASSWORD)
            .statusCode(200)
            .body("token_type", equalTo("Bearer"))
            .body("expires_in", equalTo(3600))
            .extract()
            .path("access_token");
    JwtClaims claims = Jwks.verify(token, Jwks.published());
    assertThat(claims.getSubject()).isEqualTo(USER);
    assertThat(claims.getStringListClaimValue("groups"))
        .containsExactlyInAnyOrder(Roles.STATION_OFFICER, Roles.COMMAND);
    assertThat(claims.getStringClaimValue("unit")).isEqualTo(UNIT);
    given().auth().oauth2(token).get("/admin/clients").then().statusCode(200);
  }

  @Test
  void shouldAnswerAnUnknownUserAndAWrongPasswordAlike() {
    var unknown =
        login("no.such.person", PASSWORD)
            .statusCode(401)
            .contentType("application/problem+json")
            .extract()
            .jsonPath();
    var wrong = login(USER, "wrong").statusCode(401).extract().jsonPath();
    assertThat(wrong.getString("title")).isEqualTo(unknown.getString("title"));
    assertThat(wrong.getString("detail")).isEqualTo(unknown.getString("detail"));
    assertThat(wrong.getString("type")).isEqualTo(unknown.getString("type"));
  }

  @Test
  void shouldThrottleAUsernameAfterFiveFailuresEvenWithTheRightPassword() {
    for (int i = 0; i < 5; i++) {
      login(USER, "guess-" + i).statusCode(401);
    }
    String retryAfter =
        login(USER, PASSWORD)
            .statusCode(429)
            .contentType("application/problem+json")
            .body("status", equalTo(429))
            .extract()
            .header("Retry-After");
    assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L + 1);
    throttle.forgetAll();
    login(USER, PASSWORD).statusCode(200);
  }

  @Test
  void shouldThrottleAnAddressThatTriesManyNames() {
    for (int i = 0; i < 5; i++) {
      login("someone." + i, "guess").statusCode(401);
    }
    login(USER, PASSWORD)
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void shouldForgetAUsernamesFailuresAfterASuccessfulLogin() {
    for (int i = 0; i < 3; i++) {
      login(USER, "guess-" + i).statusCode(401);
    }
    login(USER, PASSWORD).statusCode(200);
    // the address still counts its 3 failures: 1 more is fine, the name starts over
    login(USER, "guess-again").statusCode(401);
    login(USER, PASSWORD).statusCode(200);
  }
}
