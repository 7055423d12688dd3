package cn.gov.jingyang.ops.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Races on real PostgreSQL never answer 500: a unique key taken → 409 naming the field, a row
 * changed underneath → 409 (412 for a conditional request), a deadlock → retried once, then 503
 * with Retry-After.
 */
@QuarkusTest
class PersistenceRacesTest {

  private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
  private final String token = DevTokens.token("tester", Roles.COMMAND);

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  private Response createBadge(String badgeNumber, String holder, UUID unitId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("badgeNumber", badgeNumber);
    body.put("holder", holder);
    body.put("unitId", unitId);
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .post("/test/races/badges");
  }

  private static void assertProblem(Response r, int status) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    for (String marker : ProblemStatusesTest.INTERNALS) {
      assertThat(r.asString()).doesNotContain(marker);
    }
    assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
    assertThat(r.jsonPath().getString("title")).isNotBlank();
  }

  @Test
  void shouldAnswerOneOfTwoConcurrentDuplicatesWith409NamingTheField() {
    String number = "B-" + UUID.randomUUID().toString().substring(0, 8);
    var first = CompletableFuture.supplyAsync(() -> createBadge(number, "Li", null), POOL);
    var second = CompletableFuture.supplyAsync(() -> createBadge(number, "Wang", null), POOL);
    List<Response> answers = List.of(first.join(), second.join());

    assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
    Response conflict =
        answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
    assertProblem(conflict, 409);
    assertThat(conflict.jsonPath().getList("errors.field")).containsExactly("badgeNumber");
    assertThat(conflict.asString()).doesNotContain(number); // the value may be personal data
  }

  @Test
  void shouldAnswerABadReferenceAMissingValueAndABrokenCheckWith422() {
    Response reference = createBadge("R-" + UUID.randomUUID(), "Li", UUID.randomUUID());
    assertProblem(reference, 422);
    assertThat(reference.jsonPath().getList("errors.field")).containsExactly("unitId");

    Response missing = createBadge(null, "Li", null);
    assertProblem(missing, 422);
    assertThat(missing.jsonPath().getList("errors.field")).containsExactly("badgeNumber");

    Response check = createBadge("C-" + UUID.randomUUID(), "x".repeat(41), null);
    assertProblem(check, 422);
    assertThat(check.jsonPath().getList("errors.field")).containsExactly("holder");
  }

  @Test
  void shouldAnswerAConcurrentChangeWith409OrWith412ForAConditionalRequest() {
    String id =
        createBadge("V-" + UUID.randomUUID(), "Li", null)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    Response plain =
        given()
            .auth()
            .oauth2(token)
            .contentType("text/plain")
            .body("Wang")
            .put("/test/races/badges/" + id + "/holder");
    assertProblem(plain, 409);
    assertThat(plain.jsonPath().getString("type")).endsWith("stale-version");

    Response conditional =
        given()
            .auth()
            .oauth2(token)
            .contentType("text/plain")
            .header("If-Match", "\"1\"")
            .body("Wang")
            .put("/test/races/badges/" + id + "/holder");
    assertProblem(conditional, 412);
  }

  @Test
  void shouldRunADeadlockedTransactionAgainSoBothRequestsSucceed() {
    String a = "a-" + UUID.randomUUID();
    String b = "b-" + UUID.randomUUID();
    var first = CompletableFuture.supplyAsync(() -> lock(1, 2, a), POOL);
    var second = CompletableFuture.supplyAsync(() -> lock(2, 1, b), POOL);
    List<Response> answers = List.of(first.join(), second.join());

    assertThat(answers).extracting(Response::statusCode).containsExactly(200, 200);
    // PostgreSQL aborted exactly one of them; it was run once more and then succeeded
    assertThat(answers)
        .extracting(r -> r.jsonPath().getInt("attempts"))
        .containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenTheRetryDeadlocksToo() {
    String attempt = "d-" + UUID.randomUUID();
    Response r =
        given().auth().oauth2(token).post("/test/races/always-deadlocked?token=" + attempt);
    assertProblem(r, 503);
    assertThat(r.header("Retry-After")).isEqualTo("1");
    assertThat(
            given().auth().oauth2(token).get("/test/races/attempts/" + attempt).as(Integer.class))
        .isEqualTo(2);
  }

  @Test
  void shouldMatchLikeWildcardsLiterally() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    createBadge("L1-" + tag, tag + " 50% off", null).then().statusCode(201);
    createBadge("L2-" + tag, tag + " 500 items", null).then().statusCode(201);
    createBadge("L3-" + tag, tag + " a_b", null).then().statusCode(201);
    createBadge("L4-" + tag, tag + " axb", null).then().statusCode(201);

    assertThat(search(tag + " 50%")).containsExactly(tag + " 50% off");
    assertThat(search(tag + " a_b")).containsExactly(tag + " a_b");
    assertThat(search(tag + " a\\b")).isEmpty();
  }

  private List<String> search(String text) {
    return given()
        .auth()
        .oauth2(token)
        .queryParam("q", text)
        .get("/test/races/badges")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$", String.class);
  }

  private Response lock(int first, int second, String attempt) {
    return given()
        .auth()
        .oauth2(token)
        .post("/test/races/locks?first=" + first + "&second=" + second + "&token=" + attempt);
  }
}
