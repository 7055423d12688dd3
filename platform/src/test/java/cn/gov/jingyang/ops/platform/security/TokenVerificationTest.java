package cn.gov.jingyang.ops.platform.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenVerificationTest {

  private static final String ENDPOINT = "/test/registrations/search";

  @Test
  void shouldRefuseARequestWithoutAToken() {
    given()
        .get(ENDPOINT)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", "Bearer")
        .body("status", equalTo(401));
  }

  @Test
  void shouldRefuseATokenSignedByAnotherKey() {
    given()
        .auth()
        .oauth2(DevTokens.tokenSignedByAnotherKey("mallory", Roles.COMMAND))
        .get(ENDPOINT)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseAnExpiredToken() {
    given()
        .auth()
        .oauth2(DevTokens.expiredToken("late", Roles.COMMAND))
        .get(ENDPOINT)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseGarbageInTheAuthorizationHeader() {
    given()
        .header("Authorization", "Bearer not.a.jwt")
        .get(ENDPOINT)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseARoleTheEndpointDoesNotDeclare() {
    given()
        .auth()
        .oauth2(DevTokens.token("officer", Roles.CHECKPOINT_OFFICER))
        .get(ENDPOINT)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
  }

  @Test
  void shouldAdmitADeclaredRole() {
    given()
        .auth()
        .oauth2(DevTokens.token("auditor", Roles.AUDITOR))
        .get(ENDPOINT)
        .then()
        .statusCode(200);
  }

  @Test
  void shouldKeepHealthMetricsAndOpenApiOpen() {
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void shouldReportReadinessOfDatabaseAndKafka() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
  }

  @Test
  void shouldShowNoBrokerOrDatabaseAddressInReadiness() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    String body = given().get("/q/health/ready").then().statusCode(200).extract().asString();
    assertThat(body)
        .doesNotContain(bootstrap)
        .doesNotContainIgnoringCase("bootstrap")
        .doesNotContain("jdbc:")
        .doesNotContain("localhost")
        .doesNotContainPattern("\\b\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?\\b");
  }
}
