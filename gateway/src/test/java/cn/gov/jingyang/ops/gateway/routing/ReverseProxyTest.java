package cn.gov.jingyang.ops.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.gateway.GatewayCalls;
import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReverseProxyTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void shouldForwardWithRequestIdAndTraceContextAndWithoutHopByHopHeaders() {
    Response response =
        given()
            .header("X-Request-Id", "req-4711")
            .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
            .header("Proxy-Authorization", "Basic c2VjcmV0")
            .header("TE", "trailers")
            .header("Keep-Alive", "timeout=5")
            .header("Connection", "keep-alive, X-Client-Private")
            .header("X-Client-Private", "for the gateway only")
            .header("X-Kept", "end to end")
            .get("/api/v1/checkpoint/echo/first?station=ST-01");
    response.then().statusCode(200).header("X-Request-Id", "req-4711");
    JsonPath upstream = response.jsonPath();
    assertThat(upstream.getString("path")).isEqualTo("/echo/first");
    assertThat(upstream.getString("query")).isEqualTo("station=ST-01");
    assertThat(upstream.getString("headers.x-request-id")).isEqualTo("req-4711");
    assertThat(upstream.getString("headers.x-correlation-id"))
        .as("the services' correlation filter reads X-Correlation-Id")
        .isEqualTo("req-4711");
    assertThat(upstream.getString("headers.traceparent"))
        .as("the gateway's span, in the caller's trace")
        .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
        .isNotEqualTo("00-" + TRACE_ID + "-00f067aa0ba902b7-01");
    assertThat(upstream.getString("headers.x-kept")).isEqualTo("end to end");
    assertThat(upstream.getMap("headers"))
        .doesNotContainKeys("proxy-authorization", "te", "keep-alive", "x-client-private");
    assertThat(upstream.getString("headers.x-forwarded-for")).isNotBlank();
    assertThat(response.getHeader("X-Upstream-Private")).isNull();
    assertThat(response.getHeader("Keep-Alive")).isNull();
    assertThat(response.getHeader("traceparent")).startsWith("00-" + TRACE_ID + "-");
  }

  @Test
  void shouldCreateARequestIdAndATraceWhenTheCallerSentNone() {
    Response response = given().get("/api/v1/checkpoint/echo/fresh");
    response.then().statusCode(200);
    String id = response.getHeader("X-Request-Id");
    assertThat(id).isNotBlank();
    assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo(id);
    assertThat(response.jsonPath().getString("headers.traceparent"))
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
  }

  @Test
  void shouldForwardUnderTheUpstreamsBasePathWithTheBody() {
    given()
        .contentType("application/json")
        .body("{\"plate\":\"陕D·12345\"}")
        .post("/api/v1/personnel/echo/with-body")
        .then()
        .statusCode(200)
        .body("method", equalTo("POST"))
        .body("path", equalTo("/personnel-base/echo/with-body"))
        .body("body", equalTo("{\"plate\":\"陕D·12345\"}"));
  }

  @Test
  void shouldForwardAChunkedBody() throws Exception {
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/checkpoint/echo/chunked HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                  + "Connection: close\r\n\r\n"
                  + "7\r\n{\"a\":1,\r\n6\r\n\"b\":2}\r\n0\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200");
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      assertThat(new JsonPath(body).getString("body")).isEqualTo("{\"a\":1,\"b\":2}");
      assertThat(new JsonPath(body).getString("headers.content-length")).isEqualTo("13");
    }
  }

  @Test
  void shouldNotReachTheServicesInternals() {
    for (String path :
        List.of(
            "/api/v1/checkpoint/events",
            "/api/v1/checkpoint/events?after=0",
            "/api/v1/checkpoint/EVENTS",
            "/api/v1/checkpoint/%65vents",
            "/api/v1/checkpoint//events",
            "/api/v1/checkpoint/events;v=1",
            "/api/v1/checkpoint/events%2Fx",
            "/api/v1/checkpoint/x/../events",
            "/api/v1/checkpoint/x/%2e%2e/events",
            "/api/v1/checkpoint/admin/outbox",
            "/api/v1/checkpoint/q/health",
            "/api/v1/personnel/events")) {
      given()
          .urlEncodingEnabled(false)
          .auth()
          .oauth2(DevTokens.token("province", Roles.PROVINCIAL_PLATFORM))
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json")
          .body("status", equalTo(404));
    }
    assertThat(GatewayCalls.upstreamHits("events")).isZero();
  }

  @Test
  void shouldAnswerABodyOverTheLimitWith413WithoutCallingTheUpstream() throws Exception {
    String key = "too-large-" + UUID.randomUUID();
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/checkpoint/echo/"
                  + key
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 50000000\r\n\r\n{")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = readHead(socket.getInputStream());
      assertThat(answer)
          .startsWith("HTTP/1.1 413")
          .containsIgnoringCase("application/problem+json");
    }
    assertThat(GatewayCalls.upstreamHits(key)).isZero();
  }

  /**
   * Sent with the JDK's client: RestAssured keeps a printable copy of every request for its failure
   * log, and prints a byte[] body as a list of numbers (some 700 MB for these 10 MB).
   */
  @Test
  void shouldForwardABodyOverTheGeneralLimitOnALargeBodyPathOnly() throws Exception {
    long limit =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue(
                "ops.http.limits.max-body-size", io.quarkus.runtime.configuration.MemorySize.class)
            .asLongValue();
    byte[] large = new byte[(int) limit + 64 * 1024];
    java.util.Arrays.fill(large, (byte) 'a');
    HttpResponse<String> refused =
        post("/api/v1/checkpoint/echo/not-large-" + UUID.randomUUID(), large);
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> forwarded = post("/api/v1/checkpoint/echo/large-body", large);
    assertThat(forwarded.statusCode()).isEqualTo(200);
    assertThat(new JsonPath(forwarded.body()).getString("body")).hasSize(large.length);
  }

  private static HttpResponse<String> post(String path, byte[] body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldWriteOneAccessLineWithoutTheQueryString() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger access = Logger.getLogger("cn.gov.jingyang.ops.gateway.access");
    access.addHandler(capture);
    try {
      given()
          .header("X-Request-Id", "access-line-1")
          .auth()
          .oauth2(DevTokens.token("officer-wang", Roles.CHECKPOINT_OFFICER))
          .get("/api/v1/checkpoint/echo/logged?idNumber=610402199001011234")
          .then()
          .statusCode(200);
      org.awaitility.Awaitility.await()
          .until(() -> lines.stream().anyMatch(l -> l.contains("access-line-1")));
      List<String> mine = lines.stream().filter(l -> l.contains("access-line-1")).toList();
      assertThat(mine).hasSize(1);
      assertThat(mine.get(0))
          .startsWith("GET /api/v1/checkpoint/echo/logged ")
          .contains("route=checkpoint", "status=200", "client=officer-wang", "durationMs=")
          .doesNotContain("610402199001011234", "idNumber");
    } finally {
      access.removeHandler(capture);
    }
  }

  private static String readHead(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() > 4 && head.lastIndexOf("\r\n\r\n") >= 0) {
        break;
      }
    }
    return head.toString();
  }
}
