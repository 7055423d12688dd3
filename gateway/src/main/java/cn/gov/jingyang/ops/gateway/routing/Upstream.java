package cn.gov.jingyang.ops.gateway.routing;

import cn.gov.jingyang.ops.gateway.resilience.CircuitBreaker;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/** One configured route's upstream: where it is, its connection pool and its circuit breaker. */
public record Upstream(
    String name,
    RoutesConfig.Route route,
    String host,
    int port,
    boolean ssl,
    String basePath,
    HttpClient client,
    CircuitBreaker breaker) {

  static Upstream of(Vertx vertx, String name, RoutesConfig.Route route) {
    URI uri = route.upstream();
    boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
    if (uri.getHost() == null || !(ssl || "http".equalsIgnoreCase(uri.getScheme()))) {
      throw new IllegalArgumentException(
          "ops.gateway.routes." + name + ".upstream must be an http(s) URL, not " + uri);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    HttpClientOptions options =
        new HttpClientOptions()
            .setSsl(ssl)
            .setKeepAlive(true)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, route.timeout().toMillis()));
    HttpClient client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(64));
    CircuitBreaker breaker =
        new CircuitBreaker(route.failureThreshold(), route.failureWindow(), route.openDuration());
    return new Upstream(name, route, uri.getHost(), port, ssl, path, client, breaker);
  }

  public RequestOptions requestTo() {
    return new RequestOptions().setHost(host).setPort(port).setSsl(ssl);
  }
}
