package cn.gov.jingyang.ops.gateway.cors;

import cn.gov.jingyang.ops.gateway.access.RequestIdentity;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS from configuration, before the rate limit so that even a 429 can be read by the browser. A
 * preflight from an allowed origin asking for an allowed method and headers gets 204; any other
 * preflight 403 problem+json. Other requests from an allowed origin get the allow and expose
 * headers on whatever answer they get (an upstream's own CORS headers are replaced); requests from
 * other origins get none, so the browser withholds the answer.
 */
@ApplicationScoped
public class CorsPolicy {

  static final int ORDER = RequestIdentity.ORDER + 2;

  @Inject CorsConfig config;
  @Inject ObjectMapper mapper;

  private Set<String> origins;
  private Set<String> methods;
  private Set<String> headers;

  void install(@Observes Router router) {
    origins = Set.copyOf(config.origins().orElse(List.of()));
    methods = upper(config.methods());
    headers = lower(config.headers());
    router.route().order(ORDER).handler(this::apply);
  }

  private void apply(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String origin = request.getHeader("Origin");
    if (origin == null) {
      ctx.next();
      return;
    }
    String asked = request.getHeader("Access-Control-Request-Method");
    if (request.method() == HttpMethod.OPTIONS && asked != null) {
      preflight(ctx, origin, asked, request.getHeader("Access-Control-Request-Headers"));
      return;
    }
    if (origins.contains(origin)) {
      ctx.addHeadersEndHandler(
          v -> {
            var out = ctx.response().headers();
            out.set("Access-Control-Allow-Origin", origin);
            out.set("Access-Control-Expose-Headers", String.join(",", config.exposedHeaders()));
            out.remove("Access-Control-Allow-Credentials");
            out.add("Vary", "Origin");
          });
    }
    ctx.next();
  }

  private void preflight(RoutingContext ctx, String origin, String method, String askedHeaders) {
    List<String> requested =
        askedHeaders == null || askedHeaders.isBlank()
            ? List.of()
            : List.of(askedHeaders.split(",")).stream().map(String::trim).toList();
    String refusal = null;
    if (!origins.contains(origin)) {
      refusal = "this origin may not call the API from a browser";
    } else if (!methods.contains(method.trim().toUpperCase(Locale.ROOT))) {
      refusal = "method not allowed from a browser; allowed: " + String.join(", ", methods);
    } else if (!requested.stream().allMatch(h -> headers.contains(h.toLowerCase(Locale.ROOT)))) {
      refusal =
          "a requested header is not allowed; allowed: " + String.join(", ", config.headers());
    }
    ctx.response().headers().add("Vary", "Origin");
    if (refusal != null) {
      ProblemResponse.send(
          ctx,
          Problem.of(403, "cors-refused", "Cross-origin request refused", refusal),
          mapper,
          false);
      return;
    }
    ctx.response()
        .setStatusCode(204)
        .putHeader("Access-Control-Allow-Origin", origin)
        .putHeader("Access-Control-Allow-Methods", String.join(",", config.methods()))
        .putHeader("Access-Control-Allow-Headers", String.join(",", config.headers()))
        .putHeader("Access-Control-Max-Age", String.valueOf(config.maxAge().toSeconds()))
        .end();
  }

  private static Set<String> upper(List<String> values) {
    return values.stream().map(v -> v.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  private static Set<String> lower(List<String> values) {
    return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }
}
