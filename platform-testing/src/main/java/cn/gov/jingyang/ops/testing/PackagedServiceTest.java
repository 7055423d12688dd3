package cn.gov.jingyang.ops.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import cn.gov.jingyang.ops.infra.DevTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the jar a service's build ships must do, run by failsafe after {@code package} against the
 * same real PostgreSQL and Kafka as the service's {@code @QuarkusTest} tests: start, be ready with
 * both, and serve its API with the authorisation it promises. A service's {@code Packaged*IT}
 * extends it with {@code @QuarkusIntegrationTest}, naming one list a commander may read. Tagged
 * {@code packaged}, which Surefire excludes: a {@code -Dtest} pattern never runs it before the jar
 * exists.
 */
@Tag("packaged")
public abstract class PackagedServiceTest {

  /** The path of a list that a commander may read and an anonymous caller may not. */
  protected abstract String commandersList();

  @Test
  void thePackagedJarIsReadyWithItsDatabaseAndKafka() {
    ServiceBaselineTest.assertReadyWithItsDatabaseAndKafka();
  }

  @Test
  void thePackagedJarServesACommanderAndRefusesAnAnonymousCaller() {
    given()
        .auth()
        .oauth2(DevTokens.token("it-commander", "COMMAND"))
        .get(commandersList())
        .then()
        .statusCode(200)
        .body("items", notNullValue());
    given().get(commandersList()).then().statusCode(401).contentType("application/problem+json");
  }
}
