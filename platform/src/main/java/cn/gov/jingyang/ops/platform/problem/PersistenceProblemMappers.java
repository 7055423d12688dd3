package cn.gov.jingyang.ops.platform.problem;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Races and refusals of the database (see {@link PersistenceProblems}); whatever else goes wrong
 * there is a 500 like any unexpected error. A fault that reaches JAX-RS wrapped in another
 * exception (a failed commit) is found by {@link ProblemMappers#unexpected} the same way.
 */
public class PersistenceProblemMappers {

  private static final Logger LOG = Logger.getLogger(PersistenceProblemMappers.class);

  @ServerExceptionMapper
  public Response persistence(PersistenceException e, UriInfo uri, HttpHeaders headers) {
    Problem problem = PersistenceProblems.of(e, conditional(headers));
    if (problem == null) {
      return ProblemMappers.internal(e, uri);
    }
    LOG.debugf(e, "database refused the request: %s", problem.getType());
    return ProblemResponse.of(problem, uri).build();
  }

  /** A request that said which version it changes: a lost race is then its precondition failing. */
  static boolean conditional(HttpHeaders headers) {
    try {
      return headers != null && headers.getHeaderString("If-Match") != null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
