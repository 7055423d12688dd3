package cn.gov.jingyang.ops.platform.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem+json for what is refused below JAX-RS: by the HTTP router (no route, a failed handler, a
 * body too large) and by the HTTP server's own limits. The server would answer an overlong request
 * line (414) or header block (431) with an empty response before any route ran, so its parser
 * limits are raised to a hard ceiling and the configured {@code
 * quarkus.http.limits.max-initial-line-length} and {@code max-header-size} are enforced here
 * instead. Requests beyond the ceiling still get the server's bare answer.
 */
@ApplicationScoped
public class HttpProblems implements HttpServerOptionsCustomizer {

  static final int LINE_CEILING = 64 * 1024;
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final Pattern MEDIA_RANGE = Pattern.compile(TOKEN + "/" + TOKEN + "(\\s*;.*)?");
  static final int HEADER_CEILING = 128 * 1024;
  private static final Logger LOG = Logger.getLogger(HttpProblems.class);

  @Inject ObjectMapper mapper;

  @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length", defaultValue = "4096")
  int maxInitialLine;

  @ConfigProperty(name = "quarkus.http.limits.max-header-size", defaultValue = "20K")
  MemorySize maxHeaderSize;

  @Override
  public void customizeHttpServer(HttpServerOptions options) {
    raiseParserLimits(options);
  }

  @Override
  public void customizeHttpsServer(HttpServerOptions options) {
    raiseParserLimits(options);
  }

  private static void raiseParserLimits(HttpServerOptions options) {
    options.setMaxInitialLineLength(Math.max(options.getMaxInitialLineLength(), LINE_CEILING));
    options.setMaxHeaderSize(Math.max(options.getMaxHeaderSize(), HEADER_CEILING));
  }

  void install(@Observes Router router) {
    router.route().order(-5).handler(this::enforceLimits);
    router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    for (int status = 400; status < 600; status++) {
      router.errorHandler(status, this::failed); // no route matched, or nobody answered a failure
    }
  }

  private void enforceLimits(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String uri = request.uri();
    int line = (uri == null ? 0 : uri.length()) + request.method().name().length() + 10;
    if (line > maxInitialLine) {
      ProblemResponse.send(ctx, HttpProblemMappers.ofStatus(414), mapper, true);
      return;
    }
    long headers = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      headers += header.getKey().length() + header.getValue().length() + 4;
    }
    if (headers > maxHeaderSize.asLongValue()) {
      ProblemResponse.send(ctx, HttpProblemMappers.ofStatus(431), mapper, true);
      return;
    }
    if (!readableAccept(request)) {
      Problem problem =
          Problem.validation(
              List.of(
                  new Problem.FieldError(
                      "Accept", "not a list of media types, e.g. application/json")));
      ProblemResponse.send(ctx, problem, mapper, false);
      return;
    }
    ctx.next();
  }

  /**
   * An empty Accept is taken as none (any type); one that is not a list of media ranges is refused
   * here, since the REST layer would only fail to parse it after the resource method had run.
   */
  private static boolean readableAccept(HttpServerRequest request) {
    List<String> accepts = request.headers().getAll("Accept");
    if (accepts.isEmpty()) {
      return true;
    }
    if (accepts.stream().allMatch(String::isBlank)) {
      request.headers().remove("Accept");
      return true;
    }
    for (String accept : accepts) {
      for (String range : accept.split(",")) {
        if (!MEDIA_RANGE.matcher(range.trim()).matches()) {
          return false;
        }
      }
    }
    return true;
  }

  private void failed(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode();
    Problem problem = null;
    if (failure instanceof HttpException http) {
      status = http.getStatusCode();
    } else if (failure instanceof UnauthorizedException
        || failure instanceof AuthenticationFailedException) {
      status = 401;
    } else if (failure instanceof ForbiddenException) {
      status = 403;
    } else if (failure != null) {
      problem = PersistenceProblems.of(failure, ctx.request().getHeader("If-Match") != null);
      if (problem == null && status < 400) {
        status = 500;
      }
    }
    if (status < 400 || status > 599) {
      status = 500;
    }
    if (problem == null) {
      problem = HttpProblemMappers.ofStatus(status);
    }
    if (problem.getStatus() >= 500 && failure != null) {
      LOG.errorf(
          failure,
          "unexpected error on %s %s",
          ctx.request().method(),
          ProblemResponse.instance(ctx.request().path()));
    }
    if (problem.getStatus() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    if (problem.getStatus() == 413) {
      BodySizeLimit.refuse(ctx, problem, mapper);
      return;
    }
    ProblemResponse.send(
        ctx, problem, mapper, problem.getStatus() == 400 && !ctx.request().isEnded());
  }
}
