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
import java.util.TreeMap;

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

  private final Map<String, Upstream> upstreams = new TreeMap<>();

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

  private void forward(RoutingContext ctx, Upstream upstream, String prefix) {
    ctx.put(AccessLog.ROUTE_KEY, upstream.name());
    String normalized = ctx.normalizedPath();
    Optional<String> path =
        UpstreamPath.of(normalized.substring(prefix.length()), upstream.route().hiddenPaths());
    if (path.isEmpty()) {
      ProblemResponse.send(ctx, HttpProblemMappers.ofStatus(404), mapper, !ctx.request().isEnded());
      return;
    }
    String query = ctx.request().query();
    String uri = upstream.basePath() + path.get() + (query == null ? "" : "?" + query);
    new Forwarding(vertx, upstream, ctx, uri, mapper).start();
  }

  /** The configured upstreams by route name (for health and reports of other gateway parts). */
  public Map<String, String> breakerStates() {
    Map<String, String> states = new TreeMap<>();
    upstreams.forEach((name, upstream) -> states.put(name, upstream.breaker().state().name()));
    return states;
  }
}
