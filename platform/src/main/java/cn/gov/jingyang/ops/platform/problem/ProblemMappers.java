package cn.gov.jingyang.ops.platform.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Domain refusals answer with their own problem; anything unexpected becomes a 500 that says
 * nothing of the internals (the log has it, under the correlation id the caller is given) — unless
 * it is a database fault a caller can act on (see {@link PersistenceProblems}).
 *
 * <p>The other mappers: {@link BodyProblemMappers} (JSON and bean validation), {@link
 * HttpProblemMappers} (JAX-RS statuses and parameters), {@link SecurityProblemMappers} (401/403),
 * {@link PersistenceProblemMappers} (database races). Below JAX-RS, {@link HttpProblems} answers
 * what the HTTP server and router refuse.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response domain(ProblemException e, UriInfo uri) {
    return ProblemResponse.of(e.problem(), uri).build();
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
    Problem persistence = PersistenceProblems.of(e, PersistenceProblemMappers.conditional(headers));
    if (persistence != null) {
      LOG.debugf(e, "database refused the request: %s", persistence.getType());
      return ProblemResponse.of(persistence, uri).build();
    }
    return internal(e, uri);
  }

  static Response internal(Throwable e, UriInfo uri) {
    LOG.errorf(e, "unexpected error on %s", path(uri));
    return ProblemResponse.of(internal(), uri).build();
  }

  /** The 500 every layer answers when it does not know better. */
  static Problem internal() {
    return Problem.of(
        500,
        "internal",
        "Internal error",
        "the request could not be completed; quote the correlation id when reporting it");
  }

  private static String path(UriInfo uri) {
    try {
      return uri == null ? "?" : uri.getPath();
    } catch (RuntimeException e) {
      return "?";
    }
  }
}
