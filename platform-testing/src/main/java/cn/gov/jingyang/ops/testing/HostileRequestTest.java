package cn.gov.jingyang.ops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.testing.hostile.ApiDocument;
import cn.gov.jingyang.ops.testing.hostile.Callers;
import cn.gov.jingyang.ops.testing.hostile.Exchange;
import cn.gov.jingyang.ops.testing.hostile.Findings;
import cn.gov.jingyang.ops.testing.hostile.HostileRequest;
import cn.gov.jingyang.ops.testing.hostile.HostileRun;
import cn.gov.jingyang.ops.testing.hostile.RawHttp;
import cn.gov.jingyang.ops.testing.hostile.RequestPlan;
import cn.gov.jingyang.ops.testing.hostile.RowCounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests generated from the service's live OpenAPI document: for every operation, path,
 * query, header and body values of the wrong type, missing, null, empty, 10,000 characters long,
 * with control characters, quotes, braces, {@code %00}, huge and non-finite numbers, deep nesting,
 * broken JSON, wrong media types, bodies over the limit and chunked bodies, tokens of every kind,
 * methods and request lines the service does not expect.
 *
 * <p>Passes if no answer is 5xx, every answer of 400 or more is problem+json whose {@code status}
 * is the HTTP status, no body shows internals (stack traces, SQL errors), a body over the limit is
 * refused with 413, every request gets an answer, and a rejected write changes the row count of no
 * table of the service's database. Row counts are compared around each write (one statement over
 * every table); a change in a window where a consumer also recorded an event (the tables of {@link
 * #tablesWrittenInTheBackground()}) is checked again by resending the rejected request, so the
 * service's own background work cannot fail the run, and nothing is switched off.
 *
 * <p>Reproducible: the seed is fixed ({@code -Dhostile.seed} overrides it); {@code
 * -Dhostile.requests} sets the minimum number of requests (default 2,100), {@code
 * -Dhostile.max-requests} the most (default 2,200). The report is also written to {@code
 * target/hostile-requests.txt}. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class HostileRequestTest {

  private static final Logger LOG = Logger.getLogger(HostileRequestTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject DataSource dataSource;

  /** Tables only the service's own background work writes: a change there marks a busy window. */
  protected Set<String> tablesWrittenInTheBackground() {
    return Set.of("processed_event");
  }

  /**
   * Operations ("POST /oauth/token") documented to answer their 400 and 401 in OAuth's error format
   * (RFC 6749 §5.2, application/json {@code {error, error_description}}) rather than problem+json.
   */
  protected Set<String> operationsAnsweringOAuthErrors() {
    return Set.of();
  }

  @Test
  void shouldAnswerEveryHostileRequestWithProblemJsonAndChangeNothing() throws Exception {
    Config config = ConfigProvider.getConfig();
    String service = config.getValue("ops.service-name", String.class);
    long seed = Long.getLong("hostile.seed", 20200123L);
    long limit =
        config
            .getOptionalValue("ops.http.limits.max-body-size", MemorySize.class)
            .or(
                () ->
                    config.getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class))
            .map(MemorySize::asLongValue)
            .orElse(10240L * 1024);
    // paths with a larger cap of their own (a streamed bulk import) get no oversized body
    List<String> largeBodyPaths =
        config
            .getOptionalValues("ops.http.limits.large-body-paths", String.class)
            .orElse(List.of());
    LOG.infof(
        "hostile requests: %s, seed %d (-Dhostile.seed=%d to repeat), body limit %d",
        service, seed, seed, limit);
    long started = System.nanoTime();
    Findings findings = new Findings(service, seed);
    try (RawHttp http =
        new RawHttp(
            "localhost", RestAssured.port, Integer.getInteger("hostile.timeout-ms", 15_000))) {
      Exchange openApi =
          http.send(
              new HostileRequest(
                  "OpenAPI",
                  "service",
                  "GET",
                  "/q/openapi?format=json",
                  List.<String[]>of(new String[] {"Accept", "application/json"}),
                  "none",
                  null,
                  false,
                  false,
                  "HTTP/1.1"));
      assertThat(openApi.status()).as("GET /q/openapi: %s", openApi.describe()).isEqualTo(200);
      ApiDocument api = new ApiDocument(JSON.readTree(openApi.body()));
      RequestPlan plan = new RequestPlan(api, Callers.ALL_ROLES);
      plan.createThings(http);
      List<HostileRequest> requests =
          plan.generate(
              new Random(seed),
              limit,
              largeBodyPaths,
              Integer.getInteger("hostile.requests", 2_100),
              Integer.getInteger("hostile.max-requests", 2_200));
      LOG.infof(
          "hostile requests: %d operations, %d requests generated %d ms after the start",
          plan.operations().size(), requests.size(), (System.nanoTime() - started) / 1_000_000);
      new HostileRun(
              http,
              new RowCounts(dataSource),
              tablesWrittenInTheBackground(),
              findings,
              operationsAnsweringOAuthErrors())
          .run(requests, Integer.getInteger("hostile.readers", 3));
    }
    String report = findings.report();
    LOG.infof("%s in %d s", findings.summary(), (System.nanoTime() - started) / 1_000_000_000L);
    Files.writeString(Path.of("target", "hostile-requests.txt"), report);
    assertThat(findings.sentCount()).isGreaterThanOrEqualTo(2_000);
    assertThat(findings.failedCount()).withFailMessage("%s", report).isZero();
  }
}
