package cn.gov.jingyang.ops.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.outbox.Retention;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.testapp.IdempotentNotesResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentRequestsTest {

  private static final String NOTES = "/test/idempotent-notes";

  @Inject DataSource dataSource;
  @Inject Retention retention;

  private static RequestSpecification as(String subject) {
    return given()
        .auth()
        .oauth2(DevTokens.token(subject, Roles.COMMAND))
        .contentType(ContentType.JSON);
  }

  private static String note(String text) {
    return "{\"text\":\"" + text + "\"}";
  }

  private static String text() {
    return "note-" + UUID.randomUUID();
  }

  private long count(String sql, String... values) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long notes(String text) throws Exception {
    return count("select count(*) from test_note where text = ?", text);
  }

  private long keys(String key) throws Exception {
    return count("select count(*) from idempotency_key where idempotency_key = ?", key);
  }

  @Test
  void shouldAnswerARetryWithTheFirstResponseAndCreateOnce() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = text();
    Response first = as("alice").header("Idempotency-Key", key).body(note(text)).post(NOTES);
    first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
    Response retry = as("alice").header("Idempotency-Key", key).body(note(text)).post(NOTES);
    retry
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .header("Location", first.header("Location"))
        .header("ETag", "\"0\"")
        .contentType(startsWith("application/json"));
    assertThat(retry.asString()).isEqualTo(first.asString());
    assertThat(first.jsonPath().getString("text")).isEqualTo(text);
    assertThat(notes(text)).isEqualTo(1);
    // the stored answer is sealed at rest: the note's text is nowhere in the row
    assertThat(
            count(
                "select count(*) from idempotency_key where idempotency_key = ?"
                    + " and body like 'pd1:%' and body not like '%' || ? || '%'",
                key, text))
        .isEqualTo(1);

    // the same JSON written differently is the same request
    as("alice")
        .header("Idempotency-Key", key)
        .body("{ \"text\" : \"" + text + "\", \"hold\": false }")
        .post(NOTES)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");
    assertThat(notes(text)).isEqualTo(1);
  }

  @Test
  void shouldReplayAnEntityReturnedWithoutResponse() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = text();
    Response first =
        as("alice").header("Idempotency-Key", key).body(note(text)).post(NOTES + "/plain");
    first.then().statusCode(200).body("text", equalTo(text));
    Response retry =
        as("alice").header("Idempotency-Key", key).body(note(text)).post(NOTES + "/plain");
    retry.then().statusCode(200).header("Idempotent-Replayed", "true");
    assertThat(retry.asString()).isEqualTo(first.asString());
    assertThat(notes(text)).isEqualTo(1);
  }

  @Test
  void shouldCreateEveryTimeWithoutAKey() throws Exception {
    String text = text();
    as("alice").body(note(text)).post(NOTES).then().statusCode(201);
    as("alice")
        .body(note(text))
        .post(NOTES)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", nullValue());
    assertThat(notes(text)).isEqualTo(2);
  }

  @Test
  void shouldRefuseTheSameKeyForADifferentRequest() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = text();
    as("alice").header("Idempotency-Key", key).body(note(text)).post(NOTES).then().statusCode(201);
    as("alice")
        .header("Idempotency-Key", key)
        .body(note(text + "-changed"))
        .post(NOTES)
        .then()
        .statusCode(422)
        .contentType(startsWith("application/problem+json"))
        .body("errors[0].field", equalTo("Idempotency-Key"));
    // another path is another request too
    as("alice")
        .header("Idempotency-Key", key)
        .body(note(text))
        .post(NOTES + "/plain")
        .then()
        .statusCode(422);
    assertThat(notes(text + "-changed")).isZero();
    assertThat(notes(text)).isEqualTo(1);
  }

  @Test
  void shouldNotReplayAnotherCallersResponse() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = text();
    String mine =
        as("alice")
            .header("Idempotency-Key", key)
            .body(note(text))
            .post(NOTES)
            .then()
            .statusCode(201)
            .extract()
            .path("noteId");
    String theirs =
        as("mallory")
            .header("Idempotency-Key", key)
            .body(note(text))
            .post(NOTES)
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", nullValue())
            .extract()
            .path("noteId");
    assertThat(theirs).isNotEqualTo(mine);
    assertThat(notes(text)).isEqualTo(2);
  }

  @Test
  void shouldRefuseAMalformedKeyNamingTheHeader() throws Exception {
    String text = text();
    for (String key : List.of("k".repeat(256), "clé-1", "")) {
      as("alice")
          .header("Idempotency-Key", key)
          .body(note(text))
          .post(NOTES)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("errors[0].field", equalTo("Idempotency-Key"));
    }
    as("alice")
        .header("Idempotency-Key", "k".repeat(255))
        .body(note(text))
        .post(NOTES)
        .then()
        .statusCode(201);
    assertThat(notes(text)).isEqualTo(1);
  }

  @Test
  void shouldNotStoreFailuresSoThatARetryRunsAgain() throws Exception {
    String key = UUID.randomUUID().toString();
    String refused = "refuse-" + UUID.randomUUID();
    as("alice")
        .header("Idempotency-Key", key)
        .body(note(refused))
        .post(NOTES)
        .then()
        .statusCode(409);
    as("alice")
        .header("Idempotency-Key", key)
        .body(note(refused))
        .post(NOTES)
        .then()
        .statusCode(409)
        .header("Idempotent-Replayed", nullValue());
    String crash = "crash-" + UUID.randomUUID();
    String other = UUID.randomUUID().toString();
    as("alice")
        .header("Idempotency-Key", other)
        .body(note(crash))
        .post(NOTES)
        .then()
        .statusCode(500);
    // the write of a failed request is rolled back with its key: nothing half-done remains
    assertThat(notes(refused)).isZero();
    assertThat(notes(crash)).isZero();
    assertThat(keys(key) + keys(other)).isZero();
  }

  @Test
  void shouldCreateOnceWhenEightDuplicatesArriveTogether() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = text();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return as("alice").header("Idempotency-Key", key).body(note(text)).post(NOTES);
                }));
      }
      start.countDown();
      List<String> created = new ArrayList<>();
      for (Future<Response> answer : answers) {
        Response r = answer.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.asString()).isIn(201, 409);
        if (r.statusCode() == 201) {
          created.add(r.asString());
        } else {
          r.then()
              .header("Retry-After", "1")
              .body("type", equalTo("https://ops.jingyang.police/problems/request-in-progress"));
        }
      }
      assertThat(created).isNotEmpty();
      assertThat(created).allMatch(created.get(0)::equals);
    } finally {
      pool.shutdownNow();
    }
    assertThat(notes(text)).isEqualTo(1);
  }

  @Test
  void shouldAnswerInProgressWhileTheFirstRequestRuns() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = text();
    String body = "{\"text\":\"" + text + "\",\"hold\":true}";
    IdempotentNotesResource.entered = new CountDownLatch(1);
    IdempotentNotesResource.release = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Response> first =
          pool.submit(() -> as("alice").header("Idempotency-Key", key).body(body).post(NOTES));
      assertThat(IdempotentNotesResource.entered.await(60, TimeUnit.SECONDS)).isTrue();
      as("alice")
          .header("Idempotency-Key", key)
          .body(body)
          .post(NOTES)
          .then()
          .statusCode(409)
          .header("Retry-After", "1")
          .contentType(startsWith("application/problem+json"))
          .body("type", equalTo("https://ops.jingyang.police/problems/request-in-progress"));
      IdempotentNotesResource.release.countDown();
      Response created = first.get(60, TimeUnit.SECONDS);
      created.then().statusCode(201);
      Response retry = as("alice").header("Idempotency-Key", key).body(body).post(NOTES);
      retry.then().statusCode(201).header("Idempotent-Replayed", "true");
      assertThat(retry.asString()).isEqualTo(created.asString());
    } finally {
      IdempotentNotesResource.release.countDown();
      pool.shutdownNow();
    }
    assertThat(notes(text)).isEqualTo(1);
  }

  @Test
  void shouldForgetKeysAfterTheRetention() throws Exception {
    String key = UUID.randomUUID().toString();
    String text = text();
    String first =
        as("alice")
            .header("Idempotency-Key", key)
            .body(note(text))
            .post(NOTES)
            .then()
            .statusCode(201)
            .extract()
            .path("noteId");
    age(key, "25 hours");
    // an expired key is new again, even before the purge has run
    String second =
        as("alice")
            .header("Idempotency-Key", key)
            .body(note(text))
            .post(NOTES)
            .then()
            .statusCode(201)
            .header("Idempotent-Replayed", nullValue())
            .extract()
            .path("noteId");
    assertThat(second).isNotEqualTo(first);
    assertThat(notes(text)).isEqualTo(2);

    String kept = UUID.randomUUID().toString();
    as("alice")
        .header("Idempotency-Key", kept)
        .body(note(text()))
        .post(NOTES)
        .then()
        .statusCode(201);
    age(key, "25 hours");
    age(kept, "23 hours");
    retention.purge();
    assertThat(keys(key)).isZero();
    assertThat(keys(kept)).isEqualTo(1);
  }

  private void age(String key, String age) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update idempotency_key set created_at = now() - cast(? as interval) where idempotency_key = ?")) {
      ps.setString(1, age);
      ps.setString(2, key);
      ps.executeUpdate();
    }
  }
}
