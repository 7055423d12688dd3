package cn.gov.jingyang.ops.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway ({@code target/quarkus-app/quarkus-run.jar}, started by Quarkus in a process
 * of its own, run by failsafe in {@code verify}) against the same real PostgreSQL and Kafka as the
 * {@code @QuarkusTest} tests ({@link UseRealInfrastructure}): what the build ships starts, is ready
 * and publishes the keys the services verify tokens with (the development key: {@link
 * PackagedDevSigningKey}).
 */
@QuarkusIntegrationTest
@Tag("packaged")
@WithTestResource(PackagedDevSigningKey.class)
class PackagedGatewayIT {

  @Test
  void thePackagedJarIsReadyWithItsDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void thePackagedJarPublishesItsSigningKeysAndRefusesAnUnknownClient() {
    given()
        .get("/.well-known/jwks.json")
        .then()
        .statusCode(200)
        .body("keys", not(empty()))
        .body("keys[0].kty", equalTo("RSA"));
    given()
        .auth()
        .preemptive()
        .basic("no-such-client", "wrong")
        .formParam("grant_type", "client_credentials")
        .post("/oauth/token")
        .then()
        .statusCode(401)
        .body("error", equalTo("invalid_client"));
  }
}
