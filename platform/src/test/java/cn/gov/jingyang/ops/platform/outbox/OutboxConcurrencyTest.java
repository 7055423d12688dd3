package cn.gov.jingyang.ops.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The outbox append under concurrent writers: no deadlock between a transaction that appends and
 * then locks a row and one that locks the row and then appends, no lost event, and a cursor reader
 * that follows the log while they write never misses a row (seq order is commit order).
 */
@QuarkusTest
class OutboxConcurrencyTest {

  private static final int WRITERS = 4;
  private static final int ITERATIONS = 40;
  private static final Pattern EVENT_ID =
      Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  @Inject DataSource dataSource;

  @TestHTTPResource("/test/outbox-race")
  URI race;

  @Test
  void shouldNeitherDeadlockNorLoseNorReorderEventsWhenAppendsAndRowLocksCross() throws Exception {
    List<UUID> notes = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("insert into test_note (id, text) values (?, 'race')")) {
      for (UUID note : notes) {
        ps.setObject(1, note);
        ps.executeUpdate();
      }
    }
    long start = maxSeq();
    String token = DevTokens.token("tester", Roles.COMMAND);
    HttpClient http = HttpClient.newHttpClient();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    Set<String> committed = ConcurrentHashMap.newKeySet();
    Set<String> seenByReader = ConcurrentHashMap.newKeySet();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    try {
      Future<?> reader =
          pool.submit(
              () -> {
                long cursor = start;
                boolean last = false;
                while (!last) {
                  last = !writing.get(); // one more read after the writers are done
                  cursor = follow(cursor, seenByReader);
                }
                return null;
              });
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < ITERATIONS; i++) {
                    UUID b = notes.get((writer + i) % notes.size());
                    String path =
                        (writer + i) % 2 == 0
                            ? "/append-then-lock?a=" + UUID.randomUUID() + "&b=" + b
                            : "/lock-then-append?b=" + b;
                    HttpResponse<String> response =
                        http.send(
                            HttpRequest.newBuilder(URI.create(race + path))
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    Matcher id = EVENT_ID.matcher(response.body());
                    if (response.statusCode() != 200 || !id.find()) {
                      failures.add(response.statusCode() + " " + response.body());
                    } else {
                      committed.add(id.group(1));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      writing.set(false);
      reader.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).as("no deadlock, no 500").isEmpty();
    assertThat(committed).hasSize(WRITERS * ITERATIONS);
    assertThat(seenByReader)
        .as(
            "a reader following the cursor while they wrote saw every committed event: none landed below it")
        .containsAll(committed);
  }

  @Test
  void shouldRollBackTheWholeUnitOfWorkWhenTheOutboxWriteFailsAtCommit() throws Exception {
    UUID note = UUID.randomUUID();
    given()
        .auth()
        .oauth2(DevTokens.token("tester", Roles.COMMAND))
        .post("/test/outbox-race/collide?b=" + note)
        .then()
        .statusCode(greaterThanOrEqualTo(400));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select (select count(*) from test_note where id = ?) + (select count(*) from outbox where aggregate_id in (?, 'planted'))")) {
      ps.setObject(1, note);
      ps.setString(2, note.toString());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).as("neither the note nor any outbox row is stored").isZero();
      }
    }
  }

  private long follow(long cursor, Set<String> seen) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select seq, event_id from outbox where seq > ? order by seq")) {
      ps.setLong(1, cursor);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          cursor = rs.getLong(1);
          seen.add(rs.getString(2));
        }
      }
    }
    return cursor;
  }

  private long maxSeq() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("select coalesce(max(seq), 0) from outbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
