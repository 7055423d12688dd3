package cn.gov.jingyang.ops.gateway.resilience;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.gateway.GatewayCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The {@code case} route points at a port nobody listens on, the {@code probe} route at one this
 * test starts a server on, and the fake upstream of {@code checkpoint} and {@code slow} can be slow
 * or drop connections (see FakeUpstreamServer).
 */
@QuarkusTest
class UpstreamFailureTest {

  @Test
  void shouldAnswer503WhenTheUpstreamIsDownAndThenRefuseAtOnceWhileTheCircuitIsOpen() {
    // threshold 2: two refused connections open the breaker
    for (int i = 0; i < 2; i++) {
      given()
          .get("/api/v1/case/cases")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .body("type", endsWith("/upstream-unavailable"))
          .body("status", equalTo(503));
    }
    Response open = given().get("/api/v1/case/cases");
    open.then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("type", endsWith("/upstream-circuit-open"));
    assertThat(Integer.parseInt(open.getHeader("Retry-After"))).isBetween(1, 120);
    assertThat(open.jsonPath().getInt("retryAfterSeconds")).isBetween(1, 120);
  }

  @Test
  void shouldLetOneProbeThroughAfterTheOpenPeriodAndCloseWhenItSucceeds() {
    given()
        .get("/api/v1/probe/echo/probe")
        .then()
        .statusCode(503)
        .body("type", endsWith("/upstream-unavailable"));
    Response open = given().get("/api/v1/probe/echo/probe");
    open.then().statusCode(503).body("type", endsWith("/upstream-circuit-open"));
    assertThat(Integer.parseInt(open.getHeader("Retry-After"))).isBetween(1, 5);
    URI probe = ConfigProvider.getConfig().getValue("ops.gateway.routes.probe.upstream", URI.class);
    Vertx vertx = Vertx.vertx();
    try {
      vertx
          .createHttpServer()
          .requestHandler(request -> request.response().end("back"))
          .listen(probe.getPort(), "127.0.0.1")
          .toCompletionStage()
          .toCompletableFuture()
          .orTimeout(30, TimeUnit.SECONDS)
          .join();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> given().get("/api/v1/probe/echo/probe").statusCode() == 200);
      given().get("/api/v1/probe/echo/again").then().statusCode(200);
    } finally {
      vertx
          .close()
          .toCompletionStage()
          .toCompletableFuture()
          .orTimeout(30, TimeUnit.SECONDS)
          .join();
    }
  }

  @Test
  void shouldAnswer504WhenTheUpstreamIsTooSlow() {
    long started = System.nanoTime();
    given()
        .get("/api/v1/slow/slow")
        .then()
        .statusCode(504)
        .contentType("application/problem+json")
        .body("type", endsWith("/upstream-timeout"));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("the route's timeout is 1.5 s; the upstream would answer after 10 s")
        .isLessThan(Duration.ofSeconds(9));
  }

  @Test
  void shouldWaitLongerOnARoutesLongPathsSuchAsTheProvincialImport() {
    given()
        .contentType("application/json")
        .body("{\"rows\":\"many\"}")
        .post("/api/v1/slow/slow/long-upload")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.equalTo("late"));
  }

  @Test
  void shouldRetryAGetOnceWhenTheConnectionIsDropped() {
    String key = "get-" + UUID.randomUUID();
    given().get("/api/v1/checkpoint/reset-once/" + key).then().statusCode(200);
    assertThat(GatewayCalls.upstreamHits(key)).isEqualTo(2);
  }

  @Test
  void shouldNotRetryAPostWhenTheConnectionIsDropped() {
    String key = "post-" + UUID.randomUUID();
    given()
        .contentType("application/json")
        .body("{\"once\":true}")
        .post("/api/v1/checkpoint/reset-once/" + key)
        .then()
        .statusCode(502)
        .contentType("application/problem+json")
        .body("type", endsWith("/upstream-failed"));
    assertThat(GatewayCalls.upstreamHits(key)).isEqualTo(1);
  }
}
