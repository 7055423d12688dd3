package cn.gov.jingyang.ops.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service of the platform must do from its first day: be ready only with its database
 * and Kafka, serve its event feed to those allowed to read it, describe its API, expose metrics,
 * and answer errors with problem+json. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class ServiceBaselineTest {

  @Test
  void shouldBeReadyWithItsDatabaseAndKafka() {
    assertReadyWithItsDatabaseAndKafka();
  }

  /** Readiness UP with the database and Kafka checks UP, liveness UP. */
  static void assertReadyWithItsDatabaseAndKafka() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  /** Health is open to anyone: it says UP or DOWN per check, never where the servers are. */
  @Test
  void shouldNotShowInternalsOnItsOpenHealthEndpoints() {
    var config = ConfigProvider.getConfig();
    String bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
    String jdbcUrl = config.getValue("quarkus.datasource.jdbc.url", String.class);
    String databaseHost = jdbcUrl.replaceFirst("^jdbc:postgresql://([^/?]*).*$", "$1");
    for (String path : List.of("/q/health/ready", "/q/health/live", "/q/health")) {
      String body = given().get(path).then().extract().asString();
      assertThat(body)
          .as("%s shows no broker or database address", path)
          .doesNotContain(bootstrap)
          .doesNotContain(databaseHost)
          .doesNotContainIgnoringCase("bootstrap")
          .doesNotContain("jdbc:")
          .doesNotContain("localhost")
          .doesNotContainPattern("\\b\\d{1,3}(\\.\\d{1,3}){3}(:\\d+)?\\b");
    }
  }

  @Test
  void shouldServeItsEventFeedToThoseWhoMayReadIt() {
    given()
        .auth()
        .oauth2(DevTokens.token("province", Roles.PROVINCIAL_PLATFORM))
        .get("/events?after=0&limit=10")
        .then()
        .statusCode(200)
        .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    given().get("/events").then().statusCode(401).contentType("application/problem+json");
    given()
        .auth()
        .oauth2(DevTokens.tokenSignedByAnotherKey("mallory", Roles.PROVINCIAL_PLATFORM))
        .get("/events")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(DevTokens.token("volunteer", Roles.CHECKPOINT_OFFICER))
        .get("/events")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void shouldDescribeItsApiInOpenApi() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/events"))
        .body(containsString("SecurityScheme"));
  }

  /**
   * The API as published in {@code contracts/openapi/<service>.json}: a change to the API must come
   * with its snapshot. {@code -Dopenapi.snapshot.update=true} writes or rewrites the snapshot;
   * without it a missing snapshot fails the test (on a developer's machine and in CI alike).
   */
  @Test
  void shouldServeTheApiItsOpenApiSnapshotDescribes() throws Exception {
    String live = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    String service = ConfigProvider.getConfig().getValue("ops.service-name", String.class);
    Path snapshot = EventContracts.root().resolve("openapi").resolve(service + ".json");
    ObjectMapper json = new ObjectMapper();
    JsonNode current = json.readTree(live);
    boolean update = Boolean.getBoolean("openapi.snapshot.update");
    assertThat(update || Files.exists(snapshot))
        .as(
            "the OpenAPI snapshot %s of %s is missing: create it with"
                + " ./mvnw -B verify -pl <module> -am -Dopenapi.snapshot.update=true and commit it",
            snapshot, service)
        .isTrue();
    if (update) {
      Files.createDirectories(snapshot.getParent());
      Files.writeString(
          snapshot, json.writerWithDefaultPrettyPrinter().writeValueAsString(current) + "\n");
    }
    assertThat(current)
        .as(
            "the live OpenAPI of %s differs from %s; run the tests with -Dopenapi.snapshot.update=true and commit it",
            service, snapshot)
        .isEqualTo(json.readTree(Files.readString(snapshot)));
  }

  @Test
  void shouldExposePrometheusMetrics() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("outbox_publish_latency"))
        .body(containsString("outbox_rows{status=\"BLOCKED\"}"));
  }

  @Test
  void shouldAnswerAnUnknownPathWithProblemJson() {
    given()
        .auth()
        .oauth2(DevTokens.token("chief", Roles.COMMAND))
        .get("/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }
}
