package cn.gov.jingyang.ops.gateway.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

/** Systems get tokens with the client-credentials grant; command registers and manages them. */
@QuarkusTest
class ClientCredentialsTest {

  private static final String COMMAND = DevTokens.token("chief", Roles.COMMAND);

  @Inject DataSource dataSource;

  private static Map<String, Object> register(String id, UUID unit, String... roles) {
    return given()
        .auth()
        .oauth2(COMMAND)
        .contentType("application/json")
        .body(Map.of("clientId", id, "roles", List.of(roles), "unitId", unit.toString()))
        .post("/admin/clients")
        .then()
        .statusCode(201)
        .body("clientId", equalTo(id))
        .extract()
        .jsonPath()
        .getMap("");
  }

  private static ValidatableResponse tokenByBasic(String id, String secret, String grant) {
    return given()
        .auth()
        .preemptive()
        .basic(id, secret)
        .contentType("application/x-www-form-urlencoded")
        .formParam("grant_type", grant)
        .post("/oauth/token")
        .then();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void shouldIssueATokenTheJwksVerifiesCarryingTheClientsRolesAndUnit() throws Exception {
    String id = unique("province");
    UUID unit = UUID.randomUUID();
    String secret =
        (String) register(id, unit, Roles.PROVINCIAL_PLATFORM, Roles.AUDITOR).get("clientSecret");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(40);

    var answer =
        tokenByBasic(id, secret, "client_credentials")
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .body("token_type", equalTo("Bearer"))
            .body("expires_in", equalTo(900))
            .extract()
            .jsonPath();
    String token = answer.getString("access_token");

    JwtClaims claims = Jwks.verify(token, Jwks.published());
    assertThat(claims.getSubject()).isEqualTo(id);
    assertThat(claims.getStringListClaimValue("groups"))
        .containsExactlyInAnyOrder(Roles.PROVINCIAL_PLATFORM, Roles.AUDITOR);
    assertThat(claims.getStringClaimValue("unit")).isEqualTo(unit.toString());
    assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
        .isEqualTo(900);
    assertThat(JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue())
        .isEqualTo("dev");
  }

  @Test
  void shouldAcceptTheClientsCredentialsInTheFormAndItsTokenAtTheGateway() {
    String id = unique("command-desk");
    String secret = (String) register(id, UUID.randomUUID(), Roles.COMMAND).get("clientSecret");
    String token =
        given()
            .contentType("application/x-www-form-urlencoded")
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", id)
            .formParam("client_secret", secret)
            .post("/oauth/token")
            .then()
            .statusCode(200)
            .extract()
            .path("access_token");
    // the gateway (like every service) verifies the tokens it issued
    given().auth().oauth2(token).get("/admin/clients").then().statusCode(200);
  }

  @Test
  void shouldRefuseAWrongSecretAnUnknownClientAndADisabledOneAlikeWithInvalidClient() {
    String id = unique("flaky");
    String secret = (String) register(id, UUID.randomUUID(), Roles.AUDITOR).get("clientSecret");
    for (String[] attempt :
        List.of(new String[] {id, secret + "x"}, new String[] {unique("nobody"), secret})) {
      tokenByBasic(attempt[0], attempt[1], "client_credentials")
          .statusCode(401)
          .contentType("application/json")
          .header("WWW-Authenticate", "Basic realm=\"gateway\"")
          .body("error", equalTo("invalid_client"))
          .body("access_token", nullValue());
    }
    tokenByBasic(id, secret, "client_credentials").statusCode(200);

    given()
        .auth()
        .oauth2(COMMAND)
        .post("/admin/clients/" + id + "/disable")
        .then()
        .statusCode(200)
        .body("disabled", equalTo(true))
        .body("clientSecret", nullValue());
    tokenByBasic(id, secret, "client_credentials")
        .statusCode(401)
        .body("error", equalTo("invalid_client"));
  }

  @Test
  void shouldRefuseAnUnsupportedGrantAndAMissingOneWithOAuthErrors() {
    String id = unique("grants");
    String secret = (String) register(id, UUID.randomUUID(), Roles.AUDITOR).get("clientSecret");
    tokenByBasic(id, secret, "password")
        .statusCode(400)
        .contentType("application/json")
        .body("error", equalTo("unsupported_grant_type"));
    given()
        .auth()
        .preemptive()
        .basic(id, secret)
        .contentType("application/x-www-form-urlencoded")
        .formParam("scope", "x")
        .post("/oauth/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_request"));
  }

  @Test
  void shouldStoreOnlyASlowHashAndShowTheSecretOnlyWhenItIsSet() throws Exception {
    String id = unique("rotating");
    String first = (String) register(id, UUID.randomUUID(), Roles.AUDITOR).get("clientSecret");
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select secret_hash from api_client where client_id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).startsWith("pbkdf2-sha256$").doesNotContain(first);
      }
    }
    given()
        .auth()
        .oauth2(COMMAND)
        .get("/admin/clients")
        .then()
        .statusCode(200)
        .body("find { it.clientId == '" + id + "' }.clientSecret", nullValue());

    String second =
        given()
            .auth()
            .oauth2(COMMAND)
            .post("/admin/clients/" + id + "/secret")
            .then()
            .statusCode(200)
            .extract()
            .path("clientSecret");
    assertThat(second).isNotEqualTo(first);
    tokenByBasic(id, first, "client_credentials").statusCode(401);
    tokenByBasic(id, second, "client_credentials").statusCode(200);
  }

  @Test
  void shouldLetOnlyCommandManageClients() {
    given()
        .auth()
        .oauth2(DevTokens.token("auditor", Roles.AUDITOR))
        .get("/admin/clients")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(COMMAND)
        .contentType("application/json")
        .body(Map.of("clientId", unique("root"), "roles", List.of("ROOT")))
        .post("/admin/clients")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }
}
