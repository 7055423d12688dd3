package cn.gov.jingyang.ops.gateway.situation;

import cn.gov.jingyang.ops.gateway.routing.RoutesConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * One route's service as the source of a section: {@code GET <upstream>/situation?date=} with the
 * caller's headers, from its instances in turn (the next one when one cannot be connected to),
 * non-blocking, given up after the route's timeout. Every failure becomes an unavailable section
 * with a reason; the future never fails.
 */
final class SectionSource {

  private static final Logger LOG = Logger.getLogger(SectionSource.class);

  private final Vertx vertx;
  private final String route;
  private final List<URI> instances;
  private final AtomicInteger turn = new AtomicInteger();
  private final Duration timeout;
  private final int retries;
  private final HttpClient client;
  private final ObjectMapper mapper;

  SectionSource(Vertx vertx, String route, RoutesConfig.Route config, ObjectMapper mapper) {
    this.vertx = vertx;
    this.route = route;
    this.instances = config.instances();
    this.timeout = config.timeout();
    this.retries = config.retries();
    this.mapper = mapper;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())),
            new PoolOptions().setHttp1MaxSize(16));
  }

  /** A source whose route is not configured: its section is always unavailable. */
  static Future<ObjectNode> unconfigured() {
    return Future.succeededFuture(Section.unavailable("not configured"));
  }

  Future<ObjectNode> fetch(String date, Map<String, String> headers) {
    Promise<ObjectNode> section = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer =
        vertx.setTimer(
            timeout.toMillis(),
            id -> {
              if (section.tryComplete(Section.unavailable("timed out after " + human(timeout)))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                  request.reset();
                }
              }
            });
    int first = Math.floorMod(turn.getAndIncrement(), instances.size());
    attempt(date, headers, first, 0, sent, section, retries)
        .onComplete(
            answer -> {
              vertx.cancelTimer(timer);
              section.tryComplete(
                  answer.succeeded()
                      ? answer.result()
                      : Section.unavailable(reason(answer.cause())));
            });
    return section.future();
  }

  /**
   * A GET whose connection failed before any answer is tried on the next instance, then again, as
   * the proxy does.
   */
  private Future<ObjectNode> attempt(
      String date,
      Map<String, String> headers,
      int first,
      int tried,
      AtomicReference<HttpClientRequest> sent,
      Promise<ObjectNode> section,
      int retriesLeft) {
    URI upstream = instances.get((first + tried) % instances.size());
    boolean ssl = "https".equalsIgnoreCase(upstream.getScheme());
    String path = upstream.getRawPath() == null ? "" : upstream.getRawPath().replaceAll("/+$", "");
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(upstream.getHost())
            .setPort(upstream.getPort() > 0 ? upstream.getPort() : ssl ? 443 : 80)
            .setSsl(ssl)
            .setURI(path + "/situation?date=" + date);
    headers.forEach(options::putHeader);
    return client
        .request(options)
        .compose(
            request -> {
              sent.set(request);
              return request.send();
            })
        .compose(this::read)
        .recover(
            failure -> {
              if (!connectionFailed(failure) || section.future().isComplete()) {
                return Future.failedFuture(failure);
              }
              if (tried + 1 < instances.size()) {
                return attempt(date, headers, first, tried + 1, sent, section, retriesLeft);
              }
              return retriesLeft > 0
                  ? attempt(date, headers, first, tried, sent, section, retriesLeft - 1)
                  : Future.failedFuture(failure);
            });
  }

  private Future<ObjectNode> read(HttpClientResponse response) {
    if (response.statusCode() != 200) {
      int status = response.statusCode();
      return response.body().transform(ignored -> Future.succeededFuture(unavailable(status)));
    }
    return response.body().map(this::parse);
  }

  private ObjectNode unavailable(int status) {
    return Section.unavailable("upstream answered " + status);
  }

  private ObjectNode parse(Buffer body) {
    try {
      JsonNode json = mapper.readTree(body.getBytes());
      if (json instanceof ObjectNode object) {
        return Section.available(object);
      }
    } catch (java.io.IOException e) {
      LOG.debugf("situation section of route %s is not JSON: %s", route, e.getMessage());
    }
    return Section.unavailable("upstream answered something other than a JSON object");
  }

  private String reason(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectTimeoutException) {
        return "timed out after " + human(timeout);
      }
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof HttpClosedException) {
        return "connection closed by the upstream";
      }
    }
    LOG.infof("situation section of route %s failed: %s", route, cause.toString());
    return "upstream failed";
  }

  private static boolean connectionFailed(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpClosedException) {
        return true;
      }
    }
    return false;
  }

  /** 2s, 1500ms. */
  static String human(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
  }

  void close() {
    client.close();
  }
}
