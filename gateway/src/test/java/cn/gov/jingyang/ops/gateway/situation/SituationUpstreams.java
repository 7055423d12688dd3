package cn.gov.jingyang.ops.gateway.situation;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Fake services for the situation report, on the routes {@code report-checkpoint}, {@code
 * report-case} and {@code report-personnel} (timeout 3 s) that the report's sections are configured
 * to: each answers {@code /situation} as a test tells it ({@link Mode}). The case service has a
 * server of its own that a test can stop (connection refused) and start again.
 */
public class SituationUpstreams implements QuarkusTestResourceLifecycleManager {

  /** How a fake service answers. */
  public enum Mode {
    /** At once, its section. */
    UP,
    /** Its section, but only once all three services were asked: proves they are asked at once. */
    TOGETHER,
    /** Not within a minute. */
    SLOW,
    /** 503 problem+json. */
    FAILING
  }

  static final Map<String, Mode> MODES = new ConcurrentHashMap<>();
  static final Map<String, MultiMap> HEADERS = new ConcurrentHashMap<>();
  static final Map<String, String> QUERIES = new ConcurrentHashMap<>();
  private static final List<Runnable> WAITING = new ArrayList<>();

  private static Vertx vertx;
  private static HttpServer caseServer;
  private static int casePort;

  @Override
  public Map<String, String> start() {
    // see FakeUpstreamServer: the JVM-wide switch must be set before the first HTTP server loads
    System.getProperties().putIfAbsent("vertx.disableWebsockets", "true");
    vertx = Vertx.vertx();
    HttpServer server = listen(0);
    casePort = freePort();
    caseServer = listen(casePort);
    String fake = "http://127.0.0.1:" + server.actualPort();
    return Map.ofEntries(
        Map.entry("ops.gateway.routes.report-checkpoint.upstream", fake + "/checkpoint-service"),
        Map.entry("ops.gateway.routes.report-checkpoint.timeout", "3s"),
        Map.entry("ops.gateway.routes.report-personnel.upstream", fake + "/personnel-service/"),
        Map.entry("ops.gateway.routes.report-personnel.timeout", "3s"),
        Map.entry("ops.gateway.routes.report-case.upstream", "http://127.0.0.1:" + casePort),
        Map.entry("ops.gateway.routes.report-case.timeout", "3s"),
        Map.entry("ops.gateway.situation.checkpoint-route", "report-checkpoint"),
        Map.entry("ops.gateway.situation.case-route", "report-case"),
        Map.entry("ops.gateway.situation.personnel-route", "report-personnel"));
  }

  static void stopCaseService() {
    await(caseServer.close());
  }

  static void startCaseService() {
    caseServer = listen(casePort);
  }

  private static HttpServer listen(int port) {
    return await(
        vertx
            .createHttpServer()
            .requestHandler(SituationUpstreams::answer)
            .listen(port, "127.0.0.1"));
  }

  private static void answer(HttpServerRequest request) {
    String service =
        request.localAddress().port() == casePort
            ? "case"
            : request.path().startsWith("/checkpoint-service") ? "checkpoint" : "personnel";
    if (!request.path().endsWith("/situation")) {
      request.response().setStatusCode(404).end();
      return;
    }
    HEADERS.put(service, MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
    QUERIES.put(service, String.valueOf(request.query()));
    JsonObject section = new JsonObject().put("date", request.getParam("date"));
    switch (service) {
      case "checkpoint" -> section.put("checkpointsActive", 18);
      case "case" -> section.put("opened", new JsonObject().put("total", 5));
      default -> section.put("partyApplications", 3);
    }
    Runnable reply =
        () ->
            request.response().putHeader("Content-Type", "application/json").end(section.encode());
    switch (MODES.getOrDefault(service, Mode.UP)) {
      case UP -> reply.run();
      case SLOW -> vertx.setTimer(60_000, id -> reply.run());
      case FAILING ->
          request
              .response()
              .setStatusCode(503)
              .putHeader("Content-Type", "application/problem+json")
              .end("{\"status\":503,\"detail\":\"jdbc:postgresql://10.0.0.7 refused\"}");
      case TOGETHER -> {
        List<Runnable> all = null;
        synchronized (WAITING) {
          WAITING.add(reply);
          if (WAITING.size() == 3) {
            all = new ArrayList<>(WAITING);
            WAITING.clear();
          }
        }
        if (all != null) {
          all.forEach(Runnable::run);
        }
      }
    }
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (vertx != null) {
      await(vertx.close());
    }
  }
}
