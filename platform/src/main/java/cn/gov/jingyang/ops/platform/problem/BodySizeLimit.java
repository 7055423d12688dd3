package cn.gov.jingyang.ops.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body over the limit with a 413 problem+json: at once when its {@code Content-Length}
 * says so, and for a chunked body (no length declared) as soon as the bytes received pass the
 * limit. The rest of the refused body is read and thrown away, up to a ceiling, so that the caller
 * can read the answer; past it the connection is closed.
 *
 * <p>The limit is {@code ops.http.limits.max-body-size} (default: {@code
 * quarkus.http.limits.max-body-size}). The exact paths of {@code ops.http.limits.large-body-paths}
 * (e.g. a bulk import that streams its body) are bounded only by {@code
 * quarkus.http.limits.max-body-size}, which is then set to their larger cap; their chunked bodies
 * are never buffered here (the endpoint reads them as they arrive, Quarkus counting).
 */
@ApplicationScoped
public class BodySizeLimit {

  private static final long MIN_DRAIN = 16L * 1024 * 1024;
  private static final String DRAIN_KEY = BodySizeLimit.class.getName() + ".drain";

  void install(
      @Observes Router router,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
          MemorySize ceiling,
      BodyLimitsConfig limits,
      ObjectMapper mapper) {
    long largest = ceiling.asLongValue();
    long general = limits.maxBodySize().map(MemorySize::asLongValue).orElse(largest);
    Set<String> large = Set.copyOf(limits.largeBodyPaths().orElse(List.of()));
    BodyHandler chunked = BodyHandler.create(false).setBodyLimit(general);
    router
        .route()
        .order(-3)
        .handler(
            ctx -> {
              HttpServerRequest request = ctx.request();
              boolean largeBody = large.contains(ctx.normalizedPath());
              long max = largeBody ? largest : general;
              ctx.put(DRAIN_KEY, Math.max(4 * max, MIN_DRAIN));
              String declared = request.getHeader("Content-Length");
              if (largeBody && declared == null) {
                ctx.next(); // streamed by the endpoint; Quarkus stops it past the ceiling
              } else if (declared != null) {
                if (exceeds(declared, max)) {
                  refuse(
                      ctx,
                      ProblemException.tooLarge("the body may be at most " + max + " bytes")
                          .problem(),
                      mapper);
                } else {
                  ctx.next();
                }
              } else if (request.getHeader("Transfer-Encoding") != null && !multipart(request)) {
                // (an HTTP/2 body without Content-Length is left to Quarkus's own limit: read here,
                // RESTEasy could no longer pause the ended HTTP/2 request and answered 500)
                chunked.handle(
                    ctx); // counts the bytes as they arrive; fails the route with 413 past the
                // limit
              } else {
                ctx.next();
              }
            });
  }

  /**
   * Answers 413, then drains what is still coming (up to a ceiling) so the caller sees the answer.
   */
  static void refuse(RoutingContext ctx, Problem problem, ObjectMapper mapper) {
    HttpServerRequest request = ctx.request();
    Long ceiling = ctx.get(DRAIN_KEY);
    long drain = ceiling == null ? MIN_DRAIN : ceiling;
    String declared = request.getHeader("Content-Length");
    boolean tooMuchToDrain = declared != null && exceeds(declared, drain);
    if (!request.isEnded() && !tooMuchToDrain) {
      long[] drained = {0};
      request.handler(
          chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > drain) {
              request.connection().close();
            }
          });
      request.resume();
    }
    ProblemResponse.send(ctx, problem, mapper, tooMuchToDrain);
  }

  private static boolean multipart(HttpServerRequest request) {
    String type = request.getHeader("Content-Type");
    return type != null && type.toLowerCase().startsWith("multipart/");
  }

  private static boolean exceeds(String declared, long max) {
    try {
      return Long.parseLong(declared.trim()) > max;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
