package cn.gov.jingyang.ops.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real HTTP upstreams for the gateway's tests, on free ports: one Vert.x server behind the {@code
 * checkpoint}, {@code personnel} and {@code slow} (timeout 1.5 s) routes that echoes what it
 * received ({@code /echo}), answers late ({@code /slow}), drops the first connection of a key
 * ({@code /reset-once/<key>}), counts what reached it ({@code /hits/<key>}) and would serve its
 * internals ({@code /events}, after {@code wait} seconds when asked to wait, like a long poll); the
 * {@code case} route points at a port nobody listens on; the {@code probe} route at a port a test
 * can start a server on. A second server with the same answers makes the {@code pair} route two
 * instances; the {@code half} route is a dead instance (nobody listens) and the first server.
 */
public class FakeUpstreamServer implements QuarkusTestResourceLifecycleManager {

  private Vertx vertx;
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  @Override
  public Map<String, String> start() {
    // Quarkus turns Vert.x WebSockets off (a JVM-wide switch read once, when the first HTTP server
    // class loads); this server starts first, so it sets the same switch, or the gateway under test
    // would answer an unknown HTTP version with Vert.x's bare 501 instead of the way it does in
    // production
    System.getProperties().putIfAbsent("vertx.disableWebsockets", "true");
    vertx = Vertx.vertx();
    String fake = "http://127.0.0.1:" + listen().actualPort();
    String second = "http://127.0.0.1:" + listen().actualPort();
    return Map.ofEntries(
        Map.entry("ops.gateway.routes.checkpoint.upstream", fake),
        Map.entry("ops.gateway.routes.slow.upstream", fake),
        Map.entry("ops.gateway.routes.slow.timeout", "1500ms"),
        Map.entry("ops.gateway.routes.slow.long-paths", "/slow/long-upload"),
        Map.entry("ops.gateway.routes.slow.long-timeout", "30s"),
        Map.entry("ops.gateway.routes.personnel.upstream", fake + "/personnel-base/"),
        Map.entry("ops.gateway.routes.case.upstream", "http://127.0.0.1:" + freePort()),
        Map.entry("ops.gateway.routes.case.failure-threshold", "2"),
        Map.entry("ops.gateway.routes.case.open-duration", "120s"),
        Map.entry("ops.gateway.routes.probe.upstream", "http://127.0.0.1:" + freePort()),
        Map.entry("ops.gateway.routes.probe.failure-threshold", "1"),
        Map.entry("ops.gateway.routes.probe.open-duration", "5s"),
        Map.entry("ops.gateway.routes.pair.upstream", fake + "," + second),
        Map.entry(
            "ops.gateway.routes.half.upstream", "http://127.0.0.1:" + freePort() + ", " + fake),
        Map.entry("ops.gateway.routes.half.failure-threshold", "2"),
        Map.entry("ops.gateway.routes.half.open-duration", "120s"));
  }

  private HttpServer listen() {
    return vertx
        .createHttpServer()
        .requestHandler(this::answer)
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .orTimeout(30, TimeUnit.SECONDS)
        .join();
  }

  private void answer(HttpServerRequest request) {
    String path = request.path().replaceFirst("^/personnel-base", "");
    if (path.startsWith("/hits/")) {
      int count = hits.computeIfAbsent(path.substring(6), k -> new AtomicInteger()).get();
      request.response().end(String.valueOf(count));
      return;
    }
    request
        .body()
        .onSuccess(
            body -> {
              if (path.startsWith("/reset-once/")) {
                int seen = count(path.substring(12));
                if (seen == 1) {
                  request.connection().close();
                  return;
                }
              } else if (path.startsWith("/slow")) {
                count("slow");
                vertx.setTimer(10_000, id -> request.response().end("late"));
                return;
              } else if (path.startsWith("/echo/")) {
                count(path.substring(6));
              } else if (path.equals("/events") && request.getParam("wait") != null) {
                // a service's long poll: nothing arrives, the empty page comes after the wait
                long wait = Long.parseLong(request.getParam("wait"));
                if (wait > 0) {
                  vertx.setTimer(wait * 1000, id -> echo(request, body));
                  return;
                }
              }
              echo(request, body);
            });
  }

  private void echo(HttpServerRequest request, Buffer body) {
    JsonObject headers = new JsonObject();
    request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
    request
        .response()
        .putHeader("Content-Type", "application/json")
        .putHeader("Connection", "keep-alive, X-Upstream-Private")
        .putHeader("X-Upstream-Private", "connection detail")
        .putHeader("Keep-Alive", "timeout=5")
        .end(
            new JsonObject()
                .put("method", request.method().name())
                .put("port", request.localAddress().port())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers)
                .put("body", body.toString())
                .encode());
  }

  private int count(String key) {
    return hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx
          .close()
          .toCompletionStage()
          .toCompletableFuture()
          .orTimeout(30, TimeUnit.SECONDS)
          .join();
    }
  }
}
