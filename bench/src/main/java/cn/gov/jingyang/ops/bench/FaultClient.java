package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.stack.Suite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault run's client of the gateway: a registered client with every role, its token from {@code
 * POST /oauth/token}, and writes that are sent again with the same {@code Idempotency-Key} until
 * the suite answers (a refused connection, a timeout, 502/503/504, 429, 500 or "request in
 * progress" is no answer yet). It counts what it had to retry, by reason.
 */
final class FaultClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer of the suite. */
  record Answer(int status, JsonNode body, String etag) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI gateway;
  private final Duration patience;
  private final Map<String, AtomicLong> retries = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();
  private String clientId;
  private String secret;
  private volatile String token;

  FaultClient(String gateway, Duration patience) {
    this.gateway = URI.create(gateway);
    this.patience = patience;
  }

  /** Registers a client with every role (with the demo COMMAND client) and takes its token. */
  void register() throws Exception {
    clientId = Suite.DEMO_CLIENT_ID;
    secret = Suite.DEMO_CLIENT_SECRET;
    token = newToken();
    String id = "fault-run-" + UUID.randomUUID().toString().substring(0, 8);
    Answer registered =
        send(
            "POST",
            "/admin/clients",
            JSON.writeValueAsString(Map.of("clientId", id, "roles", Roles.ALL)),
            "application/json",
            Map.of());
    if (registered.status() != 201) {
      throw new IllegalStateException("register " + id + ": " + registered);
    }
    clientId = id;
    secret = registered.body().path("clientSecret").asText();
    token = newToken();
  }

  Answer get(String path) {
    return send("GET", path, null, null, Map.of());
  }

  /** A write with its idempotency key (and If-Match when {@code etag} is not null). */
  Answer write(String method, String path, Object body, String key, String etag) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      Map<String, String> headers =
          etag == null
              ? Map.of("Idempotency-Key", key)
              : Map.of("Idempotency-Key", key, "If-Match", etag);
      return send(method, path, text, "application/json", headers);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Retries until an answer, for at most the client's patience; then a status of 0. */
  Answer send(
      String method, String path, String body, String contentType, Map<String, String> headers) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      String reason;
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (body == null) {
          request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
          request
              .header("Content-Type", contentType)
              .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        requests.incrementAndGet();
        HttpResponse<String> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        boolean inProgress = status == 409 && response.body().contains("in-progress");
        if (status == 401) {
          reason = "401 (token renewed)";
          renewToken();
        } else if (status == 429 || status == 500 || status >= 502 || inProgress) {
          reason = inProgress ? "409 in progress" : Integer.toString(status);
        } else {
          JsonNode parsed = response.body().isBlank() ? null : JSON.readTree(response.body());
          return new Answer(status, parsed, response.headers().firstValue("ETag").orElse(null));
        }
      } catch (IOException e) {
        reason = "no connection/answer";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Answer(0, null, null);
      }
      retries.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
      if (System.nanoTime() > deadline) {
        return new Answer(0, null, null);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Answer(0, null, null);
      }
    }
  }

  Map<String, AtomicLong> retries() {
    return retries;
  }

  long requests() {
    return requests.get();
  }

  private synchronized void renewToken() {
    try {
      token = newToken();
    } catch (Exception e) {
      // the next attempt tries again
    }
  }

  private String newToken() throws Exception {
    return GatewayClient.accessToken(
        http.send(
            GatewayClient.tokenRequest(gateway.resolve("/oauth/token"), clientId, secret)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)),
        clientId);
  }
}
