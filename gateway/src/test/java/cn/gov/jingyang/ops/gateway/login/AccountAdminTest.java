package cn.gov.jingyang.ops.gateway.login;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.gateway.token.Jwks;
import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** District command creates, lists, disables and resets people's accounts; they then log in. */
@QuarkusTest
class AccountAdminTest {

  private static final String COMMAND = DevTokens.token("chief", Roles.COMMAND);
  private static final String PASSWORD = "initial-password-1";

  @Inject LoginThrottle throttle;

  @BeforeEach
  void cleanSlate() {
    throttle.forgetAll(); // failed logins from 127.0.0.1 are shared with other test classes
  }

  private static String unique(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Map<String, Object> account(String username, String... roles) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("displayName", "Officer " + username);
    body.put("roles", List.of(roles));
    body.put("password", PASSWORD);
    return body;
  }

  private static ValidatableResponse create(Map<String, Object> body) {
    return given()
        .auth()
        .oauth2(COMMAND)
        .contentType("application/json")
        .body(body)
        .post("/admin/accounts")
        .then();
  }

  private static ValidatableResponse login(String username, String password) {
    return given()
        .contentType("application/json")
        .body(Map.of("username", username, "password", password))
        .post("/auth/login")
        .then();
  }

  @Test
  void shouldCreateAnAccountThatLogsInWithItsRolesAndUnit() throws Exception {
    String username = unique("wang");
    UUID unit = UUID.randomUUID();
    Map<String, Object> body = account(username, Roles.STATION_OFFICER);
    body.put("unitId", unit.toString());
    create(body)
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith("/admin/accounts/" + username))
        .body("username", equalTo(username))
        .body("displayName", equalTo("Officer " + username))
        .body("roles", equalTo(List.of(Roles.STATION_OFFICER)))
        .body("unitId", equalTo(unit.toString()))
        .body("disabled", equalTo(false))
        .body("password", nullValue())
        .body("passwordHash", nullValue());

    String token = login(username, PASSWORD).statusCode(200).extract().path("access_token");
    JwtClaims claims = Jwks.verify(token, Jwks.published());
    assertThat(claims.getSubject()).isEqualTo(username);
    assertThat(claims.getStringListClaimValue("groups")).containsExactly(Roles.STATION_OFFICER);
    assertThat(claims.getStringClaimValue("unit")).isEqualTo(unit.toString());

    create(account(username, Roles.COMMAND))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("status", equalTo(409));
  }

  @Test
  void shouldPutTheLinkedPersonIdInTheTokenSubjectSoTheServicesScopesFindTheirShiftsAndCases()
      throws Exception {
    String username = unique("zhang");
    UUID person = UUID.randomUUID();
    Map<String, Object> body = account(username, Roles.INVESTIGATOR);
    body.put("personId", person.toString());
    create(body).statusCode(201).body("personId", equalTo(person.toString()));

    String token = login(username, PASSWORD).statusCode(200).extract().path("access_token");
    JwtClaims claims = Jwks.verify(token, Jwks.published());
    assertThat(claims.getSubject()).isEqualTo(person.toString());
    assertThat(claims.getStringClaimValue("upn")).isEqualTo(username);

    Map<String, Object> second = account(unique("zhang"), Roles.INVESTIGATOR);
    second.put("personId", person.toString());
    create(second)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.endsWith("person-has-account"));
  }

  @Test
  void shouldRefuseBadAccountsWithProblems() {
    Map<String, Object> shortPassword = account(unique("li"), Roles.COMMAND);
    shortPassword.put("password", "short");
    create(shortPassword)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("password")));
    create(account("Upper Case", Roles.COMMAND))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("username")));
    create(account(unique("zhao"), "WIZARD"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("status", equalTo(422));
    given()
        .auth()
        .oauth2(COMMAND)
        .post("/admin/accounts/nobody.here/disable")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldListAccountsAPageAtATimeWithoutPasswords() {
    for (int i = 0; i < 3; i++) {
      create(account(unique("aa-list"), Roles.AUDITOR)).statusCode(201);
    }
    var page =
        given()
            .auth()
            .oauth2(COMMAND)
            .queryParam("page", 0)
            .queryParam("size", 2)
            .get("/admin/accounts")
            .then()
            .statusCode(200)
            .body("size", equalTo(2))
            .body("items.password", not(hasItem(org.hamcrest.Matchers.notNullValue())))
            .extract()
            .jsonPath();
    assertThat(page.getList("items")).hasSize(2);
    assertThat(page.getLong("total")).isGreaterThanOrEqualTo(3);
    List<String> names = page.getList("items.username");
    assertThat(names).isSorted();
    given()
        .auth()
        .oauth2(COMMAND)
        .queryParam("size", 100_000)
        .get("/admin/accounts")
        .then()
        .statusCode(200)
        .body("size", equalTo(200)); // the platform's paging rule: capped, never refused
  }

  @Test
  void shouldDisableAnAccountAndResetAPassword() {
    String username = unique("chen");
    create(account(username, Roles.CHECKPOINT_OFFICER)).statusCode(201);

    given()
        .auth()
        .oauth2(COMMAND)
        .contentType("application/json")
        .body(Map.of("password", "a-brand-new-password"))
        .post("/admin/accounts/" + username + "/password")
        .then()
        .statusCode(200)
        .body("username", equalTo(username));
    login(username, PASSWORD).statusCode(401).contentType("application/problem+json");
    login(username, "a-brand-new-password").statusCode(200);

    given()
        .auth()
        .oauth2(COMMAND)
        .post("/admin/accounts/" + username + "/disable")
        .then()
        .statusCode(200)
        .body("disabled", equalTo(true));
    login(username, "a-brand-new-password").statusCode(401);
  }

  @Test
  void shouldKeepAccountsToCommand() {
    given()
        .auth()
        .oauth2(DevTokens.token("officer", Roles.STATION_OFFICER))
        .get("/admin/accounts")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given().get("/admin/accounts").then().statusCode(401).contentType("application/problem+json");
    given()
        .auth()
        .oauth2(DevTokens.token("officer", Roles.PROVINCIAL_PLATFORM))
        .contentType("application/json")
        .body(account(unique("sneaky"), Roles.COMMAND))
        .post("/admin/accounts")
        .then()
        .statusCode(403);
  }
}
