package cn.gov.jingyang.ops.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body exceeds {@code quarkus.http.limits.max-body-size} with a
 * 413 problem+json, before Quarkus's own limit check would end it with an empty 413.
 */
@ApplicationScoped
public class BodySizeLimit {

  void install(
      @Observes Router router,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
      ObjectMapper mapper) {
    long max = limit.asLongValue();
    router.route().order(-3).handler(ctx -> {
      String declared = ctx.request().getHeader("Content-Length");
      if (declared != null && exceeds(declared, max)) {
        Problem problem =
            Problem.of(413, "too-large", "Request too large", "the body may be at most " + max + " bytes");
        problem.setInstance(java.net.URI.create(ctx.request().path()));
        String correlation = ctx.request().getHeader("X-Correlation-Id");
        problem.setCorrelationId(correlation != null && correlation.matches("[A-Za-z0-9._:-]{1,100}")
            ? correlation : UUID.randomUUID().toString());
        ctx.response()
            .setStatusCode(413)
            .putHeader("Content-Type", Problem.MEDIA_TYPE)
            .putHeader("Connection", "close")
            .end(json(mapper, problem));
      } else {
        ctx.next();
      }
    });
  }

  private static boolean exceeds(String declared, long max) {
    try {
      return Long.parseLong(declared.trim()) > max;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String json(ObjectMapper mapper, Problem problem) {
    try {
      return mapper.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      return "{\"status\":413,\"title\":\"Request too large\"}";
    }
  }
}
