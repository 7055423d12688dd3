package cn.gov.jingyang.ops.platform.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.outbox.CommitSignal;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code /events?wait=}: a reader at the end of the feed is answered when an event commits. */
@QuarkusTest
class FeedLongPollingTest {

  @Inject CommitSignal committed;

  private static String feedToken() {
    return DevTokens.token("province", Roles.PROVINCIAL_PLATFORM);
  }

  private static String writeNote(String text) {
    return given()
        .auth()
        .oauth2(DevTokens.token("tester", Roles.COMMAND))
        .contentType("application/json")
        .body(Map.of("text", text))
        .post("/test/notes")
        .then()
        .statusCode(200)
        .extract()
        .path("eventId");
  }

  private static JsonPath read(long after, int wait) {
    return given()
        .auth()
        .oauth2(feedToken())
        .queryParam("after", after)
        .queryParam("wait", wait)
        .get("/events")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The cursor after the last event written so far (from where retention left the feed). */
  private static long end() {
    var first = given().auth().oauth2(feedToken()).queryParam("after", 0).get("/events");
    long cursor = first.statusCode() == 410 ? first.jsonPath().getLong("earliestCursor") : 0;
    while (true) {
      JsonPath page = read(cursor, 0);
      cursor = page.getLong("nextCursor");
      if (!page.getBoolean("hasMore")) {
        return cursor;
      }
    }
  }

  private static List<Object> ids(JsonPath page) {
    return page.getList("events.event.id");
  }

  @Test
  void shouldAnswerEveryWaitingReaderAsSoonAsAnEventIsCommitted() {
    writeNote("before the readers"); // the feed is not empty: the readers wait at its end
    long end = end();
    int before = committed.waiting();
    List<CompletableFuture<JsonPath>> readers =
        IntStream.range(0, 3)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> read(end, 30)))
            .toList();
    // all three are parked on the commit signal, none answered yet
    await().atMost(Duration.ofSeconds(20)).until(() -> committed.waiting() >= before + 3);
    assertThat(readers).noneMatch(CompletableFuture::isDone);

    String eventId = writeNote("the awaited event");

    // answered long before their 30 s are up
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> readers.stream().allMatch(CompletableFuture::isDone));
    for (CompletableFuture<JsonPath> reader : readers) {
      JsonPath page = reader.join();
      assertThat(ids(page)).contains(eventId);
      assertThat(page.getLong("nextCursor")).isGreaterThan(end);
    }
  }

  @Test
  void shouldAnswerAnEmptyPageAtTheEndOfTheWaitWhenNothingHappens() {
    writeNote("the last one");
    long end = end();
    long started = System.nanoTime();
    JsonPath page = read(end, 1);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(page.getList("events")).isEmpty();
    assertThat(page.getLong("nextCursor")).isEqualTo(end);
    assertThat(page.getBoolean("hasMore")).isFalse();
  }

  @Test
  void shouldAnswerAtOnceWhenEventsAreAlreadyThere() {
    long end = end();
    String eventId = writeNote("already there");
    long started = System.nanoTime();
    JsonPath page = read(end, 30);
    assertThat(ids(page)).contains(eventId);
    // a page with events is never held back for the wait
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void shouldRefuseAWaitOutsideZeroToThirtySeconds() {
    for (String wait : List.of("31", "-1", "3600")) {
      given()
          .auth()
          .oauth2(feedToken())
          .queryParam("wait", wait)
          .get("/events")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400))
          .body("type", endsWith("/validation"))
          .body("errors.field", hasItem("wait"));
    }
  }
}
