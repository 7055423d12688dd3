package cn.gov.jingyang.ops.gateway.routing;

import cn.gov.jingyang.ops.gateway.resilience.CircuitBreaker;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One configured route's upstream: its instances (one or more, each with its own circuit breaker,
 * so that an instance that is down does not stop the route), taken in turn, and the route's
 * connection pool.
 */
public final class Upstream {

  /** One instance of the upstream service: where it is and its circuit breaker. */
  public record Instance(
      String host, int port, boolean ssl, String basePath, CircuitBreaker breaker) {

    public RequestOptions requestTo() {
      return new RequestOptions().setHost(host).setPort(port).setSsl(ssl);
    }
  }

  private final String name;
  private final RoutesConfig.Route route;
  private final HttpClient client;
  private final List<Instance> instances;
  private final AtomicInteger turn = new AtomicInteger();

  private Upstream(
      String name, RoutesConfig.Route route, HttpClient client, List<Instance> instances) {
    this.name = name;
    this.route = route;
    this.client = client;
    this.instances = instances;
  }

  static Upstream of(Vertx vertx, String name, RoutesConfig.Route route) {
    List<Instance> instances = new ArrayList<>();
    for (URI uri : route.instances()) {
      boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
      if (uri.getHost() == null || !(ssl || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new IllegalArgumentException(
            "ops.gateway.routes." + name + ".upstream must be http(s) URLs, not " + uri);
      }
      int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
      String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
      CircuitBreaker breaker =
          new CircuitBreaker(route.failureThreshold(), route.failureWindow(), route.openDuration());
      instances.add(new Instance(uri.getHost(), port, ssl, path, breaker));
    }
    if (instances.isEmpty()) {
      throw new IllegalArgumentException("ops.gateway.routes." + name + ".upstream is empty");
    }
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            // so that, when one instance cannot be reached, the next still fits in the timeout
            .setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, route.timeout().toMillis() / instances.size()));
    HttpClient client =
        vertx.createHttpClient(
            options, new PoolOptions().setHttp1MaxSize(64 * Math.min(4, instances.size())));
    return new Upstream(name, route, client, List.copyOf(instances));
  }

  public String name() {
    return name;
  }

  public RoutesConfig.Route route() {
    return route;
  }

  /** One pool for the route; Vert.x keeps the connections of each instance apart. */
  public HttpClient client() {
    return client;
  }

  public List<Instance> instances() {
    return instances;
  }

  /**
   * The order in which one request tries the instances: round-robin, each request starting one
   * instance further than the one before.
   */
  public Turn turn() {
    int first = Math.floorMod(turn.getAndIncrement(), instances.size());
    List<Instance> order = new ArrayList<>(instances.size());
    for (int i = 0; i < instances.size(); i++) {
      order.add(instances.get((first + i) % instances.size()));
    }
    return new Turn(order);
  }

  /** One request's way through the instances, each tried at most once. */
  public static final class Turn {

    private final List<Instance> order;
    private int position;
    private long retryAfterMillis = Long.MAX_VALUE;

    private Turn(List<Instance> order) {
      this.order = order;
    }

    /** The next instance whose circuit breaker lets the request through, if any is left. */
    public Optional<Instance> next() {
      while (position < order.size()) {
        Instance instance = order.get(position++);
        CircuitBreaker.Permit permit = instance.breaker().tryAcquire();
        if (permit.granted()) {
          return Optional.of(instance);
        }
        retryAfterMillis = Math.min(retryAfterMillis, permit.retryAfterMillis());
      }
      return Optional.empty();
    }

    /** Seconds until the first open circuit lets a probe through (for Retry-After). */
    public long retryAfterSeconds() {
      return Math.max(1, (retryAfterMillis + 999) / 1000);
    }
  }
}
