package cn.gov.jingyang.ops.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error status, from every layer (HTTP server limits, router, JAX-RS, our code), is
 * problem+json without internals. Requests go over a plain HTTP client, so nothing about them is
 * tidied up on the way.
 */
@QuarkusTest
class ProblemStatusesTest {

  static final List<String> INTERNALS =
      List.of("Exception", "at cn.", "at io.", "org.hibernate", "SQL", "\tat ");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI root;

  private final String command = DevTokens.token("tester", Roles.COMMAND);

  record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  Answer send(
      String method,
      String rawPath,
      HttpRequest.BodyPublisher body,
      UnaryOperator<HttpRequest.Builder> extra)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + rawPath))
            .header("Authorization", "Bearer " + command)
            .method(method, body);
    HttpResponse<String> response =
        HTTP.send(extra.apply(request).build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body(),
        response);
  }

  Answer get(String rawPath) throws Exception {
    return send("GET", rawPath, HttpRequest.BodyPublishers.noBody(), r -> r);
  }

  /** Status, media type, the members every problem has, and nothing of the internals. */
  static JsonNode assertProblem(Answer answer, int status) throws IOException {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    for (String marker : INTERNALS) {
      assertThat(answer.body()).doesNotContain(marker);
    }
    JsonNode problem = answer.json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("correlationId").asText()).isNotBlank();
    return problem;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a%20b",
        "%7B",
        "%7Bid%7D",
        "%22",
        "%22%3E%3Cscript%3E",
        "%00",
        "%0A",
        "%0D%0Ax",
        "%25"
      })
  void shouldNameAnUnconvertiblePathParameterWhateverItHolds(String id) throws Exception {
    JsonNode problem = assertProblem(get("/test/races/badges/" + id), 400);
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("id");
    assertThat(problem.path("instance").asText()).startsWith("/test/races/badges/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a%20b", "%7B%7D", "%22", "%00", "%0A"})
  void shouldAnswerAnUnknownPathWhateverItHoldsWith404(String segment) throws Exception {
    assertThat(assertProblem(get("/test/nothing/" + segment), 404).path("instance").asText())
        .startsWith("/test/nothing/");
    assertProblem(get("/" + segment), 404);
  }

  @Test
  void shouldAnswerAnOverlongQueryStringWith414() throws Exception {
    assertProblem(get("/test/races/badges?q=" + "x".repeat(20_000)), 414);
  }

  @Test
  void shouldAnswerOversizedHeadersWith431() throws Exception {
    Answer answer =
        send(
            "GET",
            "/test/races/badges?q=a",
            HttpRequest.BodyPublishers.noBody(),
            r -> r.header("X-Padding", "x".repeat(40 * 1024)));
    assertProblem(answer, 431);
  }

  @Test
  void shouldRefuseAChunkedBodyOverTheLimitWith413() throws Exception {
    long size = 11L * 1024 * 1024;
    HttpRequest.BodyPublisher chunked =
        HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(size));
    Answer answer =
        send(
            "POST",
            "/test/registrations",
            chunked,
            r -> r.header("Content-Type", "application/json"));
    assertProblem(answer, 413);
  }

  @Test
  void shouldAcceptAChunkedBodyWithinTheLimit() throws Exception {
    String valid =
        """
        {"name":"Li Wei","category":"VOLUNTEER","occupants":[{"name":"Wang","temperature":36.6}]}""";
    HttpRequest.BodyPublisher chunked =
        HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(valid.getBytes()));
    Answer answer =
        send(
            "POST",
            "/test/registrations",
            chunked,
            r -> r.header("Content-Type", "application/json"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("name").asText()).isEqualTo("Li Wei");
  }

  @Test
  void shouldAnswerAWrongAcceptWith406() throws Exception {
    assertProblem(
        send(
            "GET",
            "/test/races/badges?q=a",
            HttpRequest.BodyPublishers.noBody(),
            r -> r.header("Accept", "application/xml")),
        406);
  }

  @Test
  void shouldAnswerAWrongContentTypeWith415() throws Exception {
    assertProblem(
        send(
            "POST",
            "/test/registrations",
            HttpRequest.BodyPublishers.ofString("<a/>"),
            r -> r.header("Content-Type", "application/xml")),
        415);
  }

  @Test
  void shouldAnswerAWrongMethodWith405() throws Exception {
    assertProblem(
        send("DELETE", "/test/registrations", HttpRequest.BodyPublishers.noBody(), r -> r), 405);
  }

  @Test
  void shouldAnswerBrokenJsonWith400() throws Exception {
    assertProblem(
        send(
            "POST",
            "/test/registrations",
            HttpRequest.BodyPublishers.ofString("{\"name\": [1,"),
            r -> r.header("Content-Type", "application/json")),
        400);
  }

  @Test
  void shouldAnswerAMissingOrBadTokenWith401AndAWrongRoleWith403() throws Exception {
    Answer none =
        send(
            "GET",
            "/test/races/badges?q=a",
            HttpRequest.BodyPublishers.noBody(),
            r -> r.setHeader("Authorization", "Basic Zm9vOmJhcg=="));
    assertProblem(none, 401);
    assertThat(none.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertProblem(
        send(
            "GET",
            "/test/races/badges?q=a",
            HttpRequest.BodyPublishers.noBody(),
            r -> r.setHeader("Authorization", "Bearer not.a.token")),
        401);
    assertProblem(
        send(
            "GET",
            "/test/races/badges?q=a",
            HttpRequest.BodyPublishers.noBody(),
            r -> r.setHeader("Authorization", "Bearer " + DevTokens.token("t", Roles.AUDITOR))),
        403);
  }

  @Test
  void shouldAnswerAMissingIfMatchWith428() throws Exception {
    assertProblem(
        send(
            "PUT",
            "/test/races/badges/" + UUID.randomUUID() + "/conditional-holder",
            HttpRequest.BodyPublishers.ofString("x"),
            r -> r.header("Content-Type", "text/plain")),
        428);
  }

  @Test
  void shouldTellAThrottledCallerWhenToComeBack() throws Exception {
    Answer answer = get("/test/races/throttled");
    assertProblem(answer, 429);
    assertThat(answer.raw().headers().firstValue("Retry-After")).contains("30");
  }

  @Test
  void shouldAnswerWhatTheRouterRefusesAsProblemsToo() throws Exception {
    assertProblem(get("/q/nothing-here"), 404);
    assertProblem(get("/test/router/refused"), 400);
    // JAX-RS takes every path first, so a router route's wrong method is "no resource here"
    assertProblem(
        send("POST", "/test/router/get-only", HttpRequest.BodyPublishers.noBody(), r -> r), 404);
    Answer boom = get("/test/router/boom");
    assertProblem(boom, 500);
    assertThat(boom.body()).doesNotContain("jdbc").doesNotContain("secret");
  }

  /** {@code {"name":"xxxx…} of any size, produced as it is sent. */
  static final class Filler extends InputStream {
    private final long size;
    private long sent;

    Filler(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (sent >= size) {
        return -1;
      }
      return sent++ < 9 ? "{\"name\":\"".charAt((int) sent - 1) : 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (sent >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - sent);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) read();
      }
      return n;
    }
  }
}
