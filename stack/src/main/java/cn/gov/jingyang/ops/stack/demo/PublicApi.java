package cn.gov.jingyang.ops.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's public API as one client sees it: a token from {@code POST /oauth/token} (client
 * credentials, renewed before it expires), JSON requests, deterministic {@code Idempotency-Key}s on
 * creating POSTs, {@code If-Match} on versioned writes, and patience with 429 and 503.
 */
final class PublicApi {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Tokens live 15 minutes: one is used for at most 10. */
  private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);

  private final URI gateway;
  private final String clientId;
  private final String secret;
  private String token;
  private Instant tokenAt = Instant.EPOCH;
  private final java.util.concurrent.atomic.AtomicInteger requests =
      new java.util.concurrent.atomic.AtomicInteger();

  PublicApi(URI gateway, String clientId, String secret) {
    this.gateway = gateway;
    this.clientId = clientId;
    this.secret = secret;
  }

  /**
   * An answer: status, body (JSON, or null when empty), ETag, and whether it is the stored answer
   * of an earlier request with the same idempotency key ({@code Idempotent-Replayed: true}).
   */
  record Answer(int status, JsonNode body, String etag, boolean replayed) {
    long version() {
      return Long.parseLong(etag.replace("\"", "").replace("W/", ""));
    }
  }

  /** Requests sent so far by this client (token requests included). */
  int requests() {
    return requests.get();
  }

  JsonNode get(String path) {
    return require(send("GET", path, null, Map.of()), 200).body();
  }

  /** GET that may answer 404: null then. */
  Answer find(String path) {
    Answer answer = send("GET", path, null, Map.of());
    if (answer.status() == 404) {
      return null;
    }
    return require(answer, 200);
  }

  /** A creating POST with a deterministic idempotency key (2xx expected). */
  Answer create(String path, Object body, String idempotencyKey) {
    return require2xx(send("POST", path, body, Map.of("Idempotency-Key", key(idempotencyKey))));
  }

  /** A POST or PUT of a versioned resource (2xx expected). */
  Answer update(String method, String path, Object body, String etag, String idempotencyKey) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (etag != null) {
      headers.put("If-Match", etag);
    }
    if (idempotencyKey != null && "POST".equals(method)) {
      headers.put("Idempotency-Key", key(idempotencyKey));
    }
    return require2xx(send(method, path, body, headers));
  }

  /** Any request; the answer whatever its status. */
  Answer send(String method, String path, Object body, Map<String, String> headers) {
    return send(method, path, body, "application/json", headers);
  }

  Answer send(
      String method, String path, Object body, String contentType, Map<String, String> headers) {
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(gateway.resolve(path))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", "Bearer " + token())
              .header("Accept", "application/json");
      headers.forEach(request::header);
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        String text = body instanceof String s ? s : write(body);
        request
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
      }
      HttpResponse<String> response = exchangeCounted(request.build());
      int status = response.statusCode();
      // a timeout is retried where a second request cannot do the work twice: reads, and
      // writes with an idempotency key (the first one's answer is replayed, or it is still running)
      boolean safe = method.equals("GET") || headers.containsKey("Idempotency-Key");
      boolean busy =
          status == 429
              || status == 503
              || (safe && (status == 502 || status == 504))
              || (status == 409 && inProgress(response));
      if (busy && attempt < 30) {
        pause(response);
        continue;
      }
      return new Answer(
          status,
          parse(response.body()),
          response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false));
    }
  }

  private static boolean inProgress(HttpResponse<String> response) {
    return response.body() != null && response.body().contains("request-in-progress");
  }

  private static void pause(HttpResponse<String> response) {
    long seconds = response.headers().firstValue("Retry-After").map(PublicApi::seconds).orElse(1L);
    try {
      Thread.sleep(Math.max(200, Math.min(seconds, 10) * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long seconds(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private synchronized String token() {
    if (token == null || tokenAt.plus(TOKEN_REUSE).isBefore(Instant.now())) {
      token = token(gateway, clientId, secret, this);
      tokenAt = Instant.now();
    }
    return token;
  }

  /** {@code POST /oauth/token} with HTTP Basic client authentication; the access token. */
  static String token(URI gateway, String clientId, String secret, PublicApi counter) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> response =
          exchange(
              HttpRequest.newBuilder(gateway.resolve("/oauth/token"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Basic " + basic)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                  .build());
      if (counter != null) {
        counter.requests.incrementAndGet();
      }
      if (response.statusCode() == 429 && attempt < 10) {
        pause(response);
        continue;
      }
      if (response.statusCode() != 200) {
        throw new DemoFailure(
            "POST /oauth/token for " + clientId, response.statusCode(), response.body());
      }
      return parse(response.body()).path("access_token").asText();
    }
  }

  private static String key(String idempotencyKey) {
    return "demo-" + idempotencyKey;
  }

  private static Answer require(Answer answer, int status) {
    if (answer.status() != status) {
      throw new DemoFailure("expected " + status, answer.status(), String.valueOf(answer.body()));
    }
    return answer;
  }

  private static Answer require2xx(Answer answer) {
    if (answer.status() / 100 != 2) {
      throw new DemoFailure("expected 2xx", answer.status(), String.valueOf(answer.body()));
    }
    return answer;
  }

  private HttpResponse<String> exchangeCounted(HttpRequest request) {
    requests.incrementAndGet();
    return exchange(request);
  }

  private static HttpResponse<String> exchange(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
