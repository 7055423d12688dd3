package cn.gov.jingyang.ops.platform.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** No token or a bad one → 401 with {@code WWW-Authenticate}; a role that may not → 403. */
public class SecurityProblemMappers {

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return unauthorized(uri);
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return unauthorized(uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return ProblemResponse.of(forbidden(), uri).build();
  }

  static Problem unauthenticated() {
    return Problem.of(
        401,
        "unauthenticated",
        "Unauthenticated",
        "a valid bearer token signed by a trusted issuer is required");
  }

  static Problem forbidden() {
    return Problem.of(403, "forbidden", "Forbidden", "your role may not perform this request");
  }

  private static Response unauthorized(UriInfo uri) {
    return ProblemResponse.of(unauthenticated(), uri).header("WWW-Authenticate", "Bearer").build();
  }
}
