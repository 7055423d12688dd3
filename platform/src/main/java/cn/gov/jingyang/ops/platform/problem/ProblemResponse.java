package cn.gov.jingyang.ops.platform.problem;

import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one place a problem becomes a response, from JAX-RS or from the HTTP router: it sets {@code
 * instance} (built safely from whatever path the caller sent), {@code correlationId} and {@code
 * Retry-After}.
 */
public final class ProblemResponse {

  /** Extension member of a problem that may be retried later; also sent as {@code Retry-After}. */
  public static final String RETRY_AFTER = "retryAfterSeconds";

  private static final Pattern SAFE_CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final int MAX_INSTANCE_LENGTH = 2048;
  private static final String PATH_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/";

  private ProblemResponse() {}

  /** A JAX-RS response; the caller may add headers (Allow, WWW-Authenticate) before building. */
  public static Response.ResponseBuilder of(Problem problem, UriInfo uri) {
    complete(problem, uri == null ? null : rawPath(uri), TraceContext.correlationId());
    Response.ResponseBuilder builder =
        Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
    Object retryAfter = problem.getExtensions().get(RETRY_AFTER);
    if (retryAfter != null) {
      builder.header("Retry-After", retryAfter);
    }
    return builder;
  }

  /** Answers on the HTTP router, before or instead of JAX-RS. */
  public static void send(RoutingContext ctx, Problem problem, ObjectMapper mapper, boolean close) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      // part of another answer already left: the only honest thing left is to cut the connection
      ctx.request().connection().close();
      return;
    }
    String correlation = TraceContext.correlationId();
    if (correlation == null) {
      String header = ctx.request().getHeader(TraceContext.CORRELATION_HEADER);
      correlation =
          header != null && SAFE_CORRELATION.matcher(header).matches()
              ? header
              : UUID.randomUUID().toString();
    }
    complete(problem, ctx.request().path(), correlation);
    // keep what the refusing layer said (Allow, WWW-Authenticate); only the body is ours
    response
        .headers()
        .remove("Content-Length")
        .remove("Content-Encoding")
        .remove("Transfer-Encoding");
    response
        .setStatusCode(problem.getStatus())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader(TraceContext.CORRELATION_HEADER, correlation);
    Object retryAfter = problem.getExtensions().get(RETRY_AFTER);
    if (retryAfter != null) {
      response.putHeader("Retry-After", String.valueOf(retryAfter));
    }
    if (close) {
      response.putHeader("Connection", "close");
    }
    response.end(json(mapper, problem));
  }

  /** The request path (re-encoded by {@link #instance}), or {@code null} when it cannot be had. */
  private static String rawPath(UriInfo uri) {
    try {
      String path = uri.getPath();
      return path == null || path.startsWith("/") ? path : "/" + path;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void complete(Problem problem, String path, String correlation) {
    problem.setInstance(instance(path));
    problem.setCorrelationId(correlation);
  }

  /**
   * The request path as a URI reference: every character outside RFC 3986's path characters is
   * percent-encoded (a {@code %} too, unless it starts a valid escape), so spaces, braces, quotes
   * and control characters cannot make it fail. Absurdly long paths are left out.
   */
  static URI instance(String path) {
    if (path == null || path.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder(path.length() + 16);
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length && out.length() <= MAX_INSTANCE_LENGTH; i++) {
      int b = bytes[i] & 0xff;
      if (b < 0x80 && PATH_CHARS.indexOf(b) >= 0) {
        out.append((char) b);
      } else if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
        out.append('%');
      } else {
        out.append('%')
            .append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    if (out.length() > MAX_INSTANCE_LENGTH) {
      return null;
    }
    try {
      return URI.create(out.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean hex(byte b) {
    return Character.digit(b, 16) >= 0;
  }

  private static String json(ObjectMapper mapper, Problem problem) {
    try {
      return mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      return "{\"status\":" + problem.getStatus() + ",\"title\":\"" + problem.getTitle() + "\"}";
    }
  }
}
