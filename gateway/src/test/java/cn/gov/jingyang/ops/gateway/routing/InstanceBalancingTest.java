package cn.gov.jingyang.ops.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import cn.gov.jingyang.ops.gateway.GatewayCalls;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A route with two instances (see FakeUpstreamServer): {@code pair} is two live servers, {@code
 * half} a port nobody listens on and a live server (its failure threshold is 2).
 */
@QuarkusTest
class InstanceBalancingTest {

  @Test
  void shouldSendRequestsToTheInstancesInTurn() {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ports.add(
          given()
              .get("/api/v1/pair/echo/turn-" + UUID.randomUUID())
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getInt("port"));
    }
    assertThat(Set.copyOf(ports)).hasSize(2);
    for (int i = 1; i < ports.size(); i++) {
      assertThat(ports.get(i))
          .as("request %d went to the other instance", i)
          .isNotEqualTo(ports.get(i - 1));
    }
  }

  @Test
  void shouldSendEvenAPostToTheOtherInstanceWhenOneRefusesTheConnection() {
    Set<Integer> ports = new HashSet<>();
    String key = "failover-" + UUID.randomUUID();
    // more requests than the failure threshold: the dead instance's circuit opens, the route's not
    for (int i = 0; i < 6; i++) {
      ports.add(
          given()
              .contentType("application/json")
              .body("{\"n\":" + i + "}")
              .post("/api/v1/half/echo/" + key)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getInt("port"));
    }
    assertThat(ports).as("only the live instance answers").hasSize(1);
    assertThat(GatewayCalls.upstreamHits(key)).as("each POST reached a service once").isEqualTo(6);
  }

  @Test
  void shouldNotRepeatAPostOnTheOtherInstanceOnceItWasSent() {
    String key = "sent-post-" + UUID.randomUUID();
    given()
        .contentType("application/json")
        .body("{\"once\":true}")
        .post("/api/v1/pair/reset-once/" + key)
        .then()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("type", endsWith("/upstream-failed"));
    assertThat(GatewayCalls.upstreamHits(key)).isEqualTo(1);
  }

  @Test
  void shouldRepeatAGetOnTheOtherInstanceWhenTheConnectionDropsAfterItWasSent() {
    String key = "sent-get-" + UUID.randomUUID();
    given().get("/api/v1/pair/reset-once/" + key).then().statusCode(200);
    assertThat(GatewayCalls.upstreamHits(key)).isEqualTo(2);
  }
}
