package cn.gov.jingyang.ops.cases.provincial;

import static cn.gov.jingyang.ops.cases.verification.Tasks.COMMAND;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The general body limit (ops.http.limits.max-body-size, 1M in tests) refuses a larger body with a
 * 413 problem+json on every endpoint but POST /imports, which takes it (up to
 * quarkus.http.limits.max-body-size), with its length declared or chunked.
 */
@QuarkusTest
class ImportBodyLimitTest {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1) // Content-Length or chunked, as the test says
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void aBodyOverTheGeneralLimitIsRefusedElsewhereAndImportedOnImports() throws Exception {
    long limit =
        ConfigProvider.getConfig()
            .getValue(
                "ops.http.limits.max-body-size", io.quarkus.runtime.configuration.MemorySize.class)
            .asLongValue();
    int rows = 12_000;
    long base = ThreadLocalRandom.current().nextLong(100_000_000, 900_000_000);
    byte[] list = new GeneratedList(base, rows).readAllBytes();
    assertThat((long) list.length).isGreaterThan(limit);

    for (boolean chunked : new boolean[] {false, true}) {
      HttpResponse<String> refused = post("/cases", "application/json", list, chunked);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(refused.body()).contains("too-large");
    }

    HttpResponse<String> declared =
        post("/imports?batchId=SC-BIG-" + UUID.randomUUID(), ImportResource.NDJSON, list, false);
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
    JsonNode result = new ObjectMapper().readTree(declared.body());
    assertThat(result.get("rowsRead").asLong()).isEqualTo(rows);

    byte[] another = new GeneratedList(base + rows, rows).readAllBytes();
    HttpResponse<String> chunked =
        post("/imports?batchId=SC-BIG-" + UUID.randomUUID(), ImportResource.NDJSON, another, true);
    assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(201);
    assertThat(new ObjectMapper().readTree(chunked.body()).get("rowsRead").asLong())
        .isEqualTo(rows);
  }

  private HttpResponse<String> post(String path, String type, byte[] body, boolean chunked)
      throws Exception {
    HttpRequest.BodyPublisher publisher =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
            .header("Authorization", "Bearer " + COMMAND)
            .header("Content-Type", type)
            .timeout(Duration.ofMinutes(5))
            .POST(publisher)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
