package cn.gov.jingyang.ops.cases.provincial;

import static cn.gov.jingyang.ops.cases.verification.Tasks.COMMAND;
import static cn.gov.jingyang.ops.cases.verification.Tasks.WAIT;
import static cn.gov.jingyang.ops.cases.verification.Tasks.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.cases.verification.Tasks;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Generated lists streamed to the service: 200,000 rows with bounded heap, bad rows by line, a
 * re-send that creates nothing, coverage of the batch equal to the counts, and an import whose
 * connection breaks half way resumed without duplicates. (The test JVM runs with -Xmx768m.)
 */
@QuarkusTest
class LargeImportTest {

  static final int ROWS = 200_000;
  static final long RETAINED_BOUND = 64L * 1024 * 1024;

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void twoHundredThousandRowsWithBoundedHeapAndReSendingCreatesNothing() throws Exception {
    Db db = new Db(dataSource);
    Tasks.cover(
        kafka.bootstrapServers(), db, UUID.randomUUID(), UUID.randomUUID(), "PS-JD", "510603-T05");
    long base = ThreadLocalRandom.current().nextLong(100_000_000, 800_000_000);
    String batch = "SC-LARGE-" + UUID.randomUUID();
    long usedBefore = usedAfterGc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

    HttpResponse<String> first = post(batch, new GeneratedList(base, ROWS));

    long peak = peakHeap();
    long usedAfter = usedAfterGc();
    System.out.printf(
        "200,000-row import: heap used %d MB before, %d MB after, peak %d MB%n",
        usedBefore >> 20, usedAfter >> 20, peak >> 20);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonNode result = json.readTree(first.body());
    int bad = GeneratedList.bad(ROWS);
    int duplicates = GeneratedList.duplicates(ROWS);
    assertThat(result.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(result.get("rowsRead").asLong()).isEqualTo(ROWS);
    assertThat(result.get("badRows").asLong()).isEqualTo(bad);
    assertThat(result.get("duplicates").asLong()).isEqualTo(duplicates);
    assertThat(result.get("tasksCreated").asLong() + result.get("sourcesAdded").asLong())
        .isEqualTo(ROWS - bad - duplicates);
    assertThat(result.get("firstBadRows").get(0).get("line").asLong()).isEqualTo(1);
    assertThat(result.get("firstBadRows").get(1).get("line").asLong()).isEqualTo(1001);
    // The sum of the pools' peaks is close to what G1 was given (garbage included), so it only
    // shows the import did not run out of heap; what it keeps is measured after a GC.
    assertThat(usedAfter - usedBefore).isLessThan(RETAINED_BOUND);

    JsonPath coverage =
        as(COMMAND)
            .queryParam("batch", batch)
            .get("/verification-coverage")
            .then()
            .extract()
            .jsonPath();
    assertThat(coverage.getLong("total")).isEqualTo(ROWS - bad - duplicates);
    assertThat(coverage.getLong("unroutable")).isEqualTo(result.get("unroutable").asLong());
    assertThat(db.count("select count(*) from verification_task_source where batch_id = ?", batch))
        .isEqualTo(ROWS - bad - duplicates);
    assertThat(
            db.count(
                "select count(*) from outbox where event->'data'->'source'->>'batchId' = ?", batch))
        .isEqualTo(ROWS - bad - duplicates);

    long tasks = db.count("select count(*) from verification_task");
    HttpResponse<String> again = post(batch, new GeneratedList(base, ROWS));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(db.count("select count(*) from verification_task")).isEqualTo(tasks);
  }

  @Test
  void anImportWhoseConnectionBreaksResumesWithoutDuplicates() throws Exception {
    Db db = new Db(dataSource);
    int rows = 30_000;
    long base = ThreadLocalRandom.current().nextLong(800_000_000, 900_000_000);
    String batch = "SC-BROKEN-" + UUID.randomUUID();

    Runnable firstChunkCommitted =
        () ->
            await()
                .atMost(WAIT)
                .until(
                    () ->
                        db.count(
                                "select count(*) from verification_task_source where batch_id = ?",
                                batch)
                            > 0);
    assertThatThrownBy(
        () -> post(batch, new GeneratedList(base, rows, 25_000, firstChunkCommitted)));
    await()
        .atMost(WAIT)
        .until(
            () ->
                db.strings("select status from provincial_import where batch_id = ?", batch)
                    .equals(java.util.List.of("FAILED")));
    long partly =
        db.count("select count(*) from verification_task_source where batch_id = ?", batch);
    assertThat(partly).isGreaterThan(0).isLessThan(rows);
    // the failure is an event of its own: the reason as a category, how far it got, no person
    java.util.List<String> failed = db.events("ProvincialBatchFailed", "batchId", batch);
    assertThat(failed).hasSize(1);
    EventContracts.assertValid(failed.get(0));
    JsonNode failure = json.readTree(failed.get(0)).get("data");
    assertThat(failure.get("reason").asText()).isEqualTo("BODY_INTERRUPTED");
    assertThat(failure.get("linesDone").asLong()).isPositive().isLessThan(25_000);
    assertThat(failure.get("tasksCreated").asLong() + failure.get("sourcesAdded").asLong())
        .isEqualTo(partly);
    assertThat(failed.get(0)).doesNotContain("idNumber", "重点人员", "51060319");

    HttpResponse<String> resumed = post(batch, new GeneratedList(base, rows));
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(201);
    JsonNode result = json.readTree(resumed.body());
    long expected = rows - GeneratedList.bad(rows) - GeneratedList.duplicates(rows);
    assertThat(result.get("rowsRead").asLong()).isEqualTo(rows);
    assertThat(result.get("tasksCreated").asLong() + result.get("sourcesAdded").asLong())
        .isEqualTo(expected);
    assertThat(db.count("select count(*) from verification_task_source where batch_id = ?", batch))
        .isEqualTo(expected);
    assertThat(
            db.count(
                "select count(*) from verification_task t join verification_task_source s"
                    + " on s.task_id = t.id where s.batch_id = ?",
                batch))
        .isEqualTo(
            db.count(
                "select count(distinct t.id_number_lookup) from verification_task t"
                    + " join verification_task_source s on s.task_id = t.id where s.batch_id = ?",
                batch));
  }

  private HttpResponse<String> post(String batch, GeneratedList list) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/imports?batchId=" + batch))
            .header("Authorization", "Bearer " + ProvincialImportTest.PROVINCE)
            .header("Content-Type", ImportResource.NDJSON)
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> list))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static long usedAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }
}
