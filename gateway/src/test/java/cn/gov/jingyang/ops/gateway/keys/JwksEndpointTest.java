package cn.gov.jingyang.ops.gateway.keys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The gateway publishes its public keys, each with its kid, to anyone. */
@QuarkusTest
class JwksEndpointTest {

  @Test
  void shouldPublishItsPublicKeysWithTheirKeyIds() {
    given()
        .get("/.well-known/jwks.json")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("keys.kid", hasItem("dev"))
        .body("keys.kty", everyItem(org.hamcrest.Matchers.equalTo("RSA")))
        .body("keys", everyItem(not(hasKey("d"))));
  }
}
