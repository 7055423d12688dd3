package cn.gov.jingyang.ops.platform.idempotency;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Carries the answer of an idempotent request out of a resource method that is declared to return
 * an entity rather than a Response (its transaction has already ended). Not an error.
 */
final class StoredAnswer extends RuntimeException {

  private final transient Response response;

  StoredAnswer(Response response) {
    super(null, null, false, false);
    this.response = response;
  }

  /** Sends the carried response as it is. */
  static final class Mapper {
    @ServerExceptionMapper
    public Response answer(StoredAnswer answer) {
      return answer.response;
    }
  }
}
