package cn.gov.jingyang.ops.gateway.routing;

import cn.gov.jingyang.ops.gateway.access.AccessLog;
import cn.gov.jingyang.ops.platform.problem.HttpProblemMappers;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last link of the chain: mounts one route per configured upstream, {@code <base-path>/<name>/...},
 * on the Quarkus router and forwards each request through Vert.x's http-proxy ({@link Forwarding}).
 * Paths of no route fall through to the gateway's own resources.
 */
@ApplicationScoped
public class ReverseProxy {

  static final int ORDER = -1;

  @Inject RoutesConfig config;
  @Inject ObjectMapper mapper;
  @Inject Vertx vertx;

  private final Map<String, Upstream> upstreams = new ConcurrentHashMap<>();

  void install(@Observes Router router) {
    config
        .routes()
        .forEach(
            (name, route) -> {
              Upstream upstream = Upstream.of(vertx, name, route);
              upstreams.put(name, upstream);
              String prefix = config.basePath() + "/" + name;
              router
                  .route(prefix + "/*")
                  .order(ORDER)
                  .handler(ctx -> forward(ctx, upstream, prefix));
            });
  }

  /**
   * A configured route's upstream (its instances, connection pool and circuit breakers), for the
   * gateway's own resources that call a service themselves (the feeds).
   */
  public Optional<Upstream> upstream(String name) {
    return Optional.ofNullable(upstreams.get(name));
  }

  /** Whether a request path is one of the routes' (its body is then the proxy's to read). */
  public static boolean isRouted(RoutesConfig config, String path) {
    for (String name : config.routes().keySet()) {
      String prefix = config.basePath() + "/" + name;
      if (path.startsWith(prefix)
          && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
        return true;
      }
    }
    return false;
  }

  private void forward(RoutingContext ctx, Upstream upstream, String prefix) {
    String remainder = ctx.normalizedPath().substring(prefix.length());
    if (!remainder.isEmpty() && !remainder.startsWith("/")) {
      ctx.next(); // /api/v1/checkpointsomething is not this route's
      return;
    }
    ctx.put(AccessLog.ROUTE_KEY, upstream.name());
    Optional<String> path = UpstreamPath.of(remainder, upstream.route().hiddenPaths());
    if (path.isEmpty()) {
      ProblemResponse.send(ctx, HttpProblemMappers.ofStatus(404), mapper, !ctx.request().isEnded());
      return;
    }
    String query = ctx.request().query();
    String uri = path.get() + (query == null ? "" : "?" + query);
    new Forwarding(vertx, upstream, upstream.route().timeoutFor(path.get()), ctx, uri, mapper)
        .start();
  }
}
