package cn.gov.jingyang.ops.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A provincial list whose import is cut by a killed case-service (SIGKILL half way through the
 * upload, through the gateway) and then sent again resumes where its committed chunks ended: every
 * person of the list has exactly one task and one {@code VerificationTaskCreated} on the feed —
 * nothing doubled, nothing missing. The system stack imports in chunks of 5,000 rows and takes a
 * RUNNING import whose last chunk is 20 s old as interrupted ({@link SystemStack}).
 */
class ProvincialImportKillTest {

  /** The batch id prefix of the import this test kills half way. */
  static final String BATCH_PREFIX = "kill-";

  private static final int ROWS = 30_000;
  private static final int STALL_AFTER = 12_000;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void shouldResumeAnImportWhoseServiceWasKilledWithNoPersonDoubledOrMissing() throws Exception {
    SystemStack stack = SystemStack.get();
    GatewayApi api = stack.api();
    String provincial = api.tokenFor(Roles.PROVINCIAL_PLATFORM);
    String command = api.tokenFor(Roles.COMMAND);
    String batch = BATCH_PREFIX + UUID.randomUUID().toString().substring(0, 8);
    long base = ThreadLocalRandom.current().nextLong(100_000_000L, 800_000_000L);
    long feedStart = feedEnd(api, command);

    // the upload stalls after 12,000 rows: two chunks are committed, the third is being read
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(
            () -> post(stack, provincial, batch, new KeyPersonList(base, STALL_AFTER, release)));
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> rowsRead(api, command, batch) >= 10_000);
    stack.kill(ServiceCatalog.CASE);
    release.countDown();
    first.handle((status, failure) -> null).get(1, TimeUnit.MINUTES);
    stack.restart(ServiceCatalog.CASE);

    // (the case route's circuit breaker may refuse for a moment after the failures the kill caused)
    JsonNode interrupted =
        await()
            .atMost(Duration.ofMinutes(1))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> progressOrNull(api, command, batch), p -> p != null);
    assertThat(interrupted.path("status").asText())
        .as("killed, nobody could mark it: %s", interrupted)
        .isEqualTo("RUNNING");
    long readBeforeKill = interrupted.path("rowsRead").asLong();
    assertThat(readBeforeKill).isBetween(10_000L, (long) STALL_AFTER);

    // sent again: 409 while the import still looks alive (its last chunk is younger than 20 s),
    // then it resumes and completes
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> post(stack, provincial, batch, new KeyPersonList(base, ROWS, null)),
            status -> status == 200 || status == 201);
    JsonNode done = progressOrNull(api, command, batch);
    assertThat(done).isNotNull();
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
    assertThat(done.path("rowsRead").asLong()).isEqualTo(ROWS);

    JsonNode coverage =
        GatewayApi.json(
            api.call(
                "GET",
                "/api/v1/case/verification-coverage?batch=" + batch,
                command,
                null,
                Map.of()));
    assertThat(coverage.path("total").asLong()).as("one task per person").isEqualTo(ROWS);

    // and exactly one VerificationTaskCreated per person on the case feed
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              Set<String> tasks = new HashSet<>();
              int created = createdEvents(api, command, feedStart, batch, tasks);
              assertThat(created).isEqualTo(ROWS);
              assertThat(tasks).hasSize(ROWS);
            });
  }

  private static int post(SystemStack stack, String token, String batch, KeyPersonList rows) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(stack.gateway() + "/api/v1/case/imports?batchId=" + batch))
            .timeout(Duration.ofMinutes(5))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> rows))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1; // the connection died with the service
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode progressOrNull(GatewayApi api, String token, String batch) {
    HttpResponse<String> r =
        api.call("GET", "/api/v1/case/imports/" + batch, token, null, Map.of());
    return r.statusCode() == 200 ? GatewayApi.json(r) : null;
  }

  private static long rowsRead(GatewayApi api, String token, String batch) {
    HttpResponse<String> r =
        api.call("GET", "/api/v1/case/imports/" + batch, token, null, Map.of());
    return r.statusCode() == 200 ? GatewayApi.json(r).path("rowsRead").asLong() : 0;
  }

  /** The cursor after the case feed's last event. */
  private static long feedEnd(GatewayApi api, String token) {
    long cursor = 0;
    while (true) {
      JsonNode page = feedPage(api, token, cursor);
      cursor = page.path("nextCursor").asLong();
      if (!page.path("hasMore").asBoolean()) {
        return cursor;
      }
    }
  }

  /**
   * VerificationTaskCreated events of the batch after {@code cursor}; their task ids into tasks.
   */
  private static int createdEvents(
      GatewayApi api, String token, long cursor, String batch, Set<String> tasks) {
    int created = 0;
    while (true) {
      JsonNode page = feedPage(api, token, cursor);
      for (JsonNode item : page.path("events")) {
        JsonNode event = item.path("event");
        if (event.path("type").asText().endsWith(".VerificationTaskCreated")
            && batch.equals(event.path("data").path("source").path("batchId").asText())) {
          created++;
          tasks.add(event.path("data").path("taskId").asText());
        }
      }
      cursor = page.path("nextCursor").asLong();
      if (!page.path("hasMore").asBoolean()) {
        return created;
      }
    }
  }

  private static JsonNode feedPage(GatewayApi api, String token, long after) {
    HttpResponse<String> r =
        api.call("GET", "/api/v1/feed/case?limit=1000&after=" + after, token, null, Map.of());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return GatewayApi.json(r);
  }

  /**
   * A key-person list in NDJSON, generated as it is read: row i is a distinct person (a valid
   * 18-digit ID number from {@code base + i}). With a latch it stops after its rows, waits for the
   * latch and then fails, like an upload cut off half way.
   */
  private static final class KeyPersonList extends InputStream {
    private static final String[] TOWNS = {"孝泉镇", "旌东街道", "某某村"};

    private final long base;
    private final int rows;
    private final CountDownLatch stall;
    private int next;
    private byte[] current = new byte[0];
    private int at;

    KeyPersonList(long base, int rows, CountDownLatch stall) {
      this.base = base;
      this.rows = rows;
      this.stall = stall;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (at == current.length) {
        if (next == rows) {
          if (stall == null) {
            return -1;
          }
          try {
            stall.await(5, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IOException("upload cut off");
        }
        current = row(next++).getBytes(StandardCharsets.UTF_8);
        at = 0;
      }
      int n = Math.min(len, current.length - at);
      System.arraycopy(current, at, b, off, n);
      at += n;
      return n;
    }

    private String row(int i) {
      String id = IdNumbers.complete("51060319" + String.format("%09d", base + i));
      return "{\"name\":\"重点人员%d\",\"idNumber\":\"%s\",\"town\":\"%s\"}\n"
          .formatted(i, id, TOWNS[i % TOWNS.length]);
    }
  }
}
