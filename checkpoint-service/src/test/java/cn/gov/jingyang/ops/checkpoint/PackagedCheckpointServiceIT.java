package cn.gov.jingyang.ops.checkpoint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import cn.gov.jingyang.ops.infra.DevTokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, started by Quarkus in a process
 * of its own, run by failsafe in {@code verify}) against the same real PostgreSQL and Kafka as the
 * {@code @QuarkusTest} tests ({@link UseRealInfrastructure}): what the build ships starts, is ready
 * with both and serves its API with the authorisation it promises.
 */
@QuarkusIntegrationTest
@Tag("packaged")
class PackagedCheckpointServiceIT {

  @Test
  void thePackagedJarIsReadyWithItsDatabaseAndKafka() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void thePackagedJarListsCheckpointsToACommanderAndRefusesAnAnonymousCaller() {
    given()
        .auth()
        .oauth2(DevTokens.token("it-commander", "COMMAND"))
        .get("/checkpoints")
        .then()
        .statusCode(200)
        .body("items", notNullValue());
    given().get("/checkpoints").then().statusCode(401).contentType("application/problem+json");
  }
}
