package cn.gov.jingyang.ops.gateway.token;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An error of the token endpoint in OAuth's own format (RFC 6749 §5.2): {@code
 * {"error","error_description"}} as application/json. The one exception to problem+json in the
 * gateway, because OAuth clients parse this shape.
 */
public final class OAuthError extends RuntimeException {

  private final int status;
  private final String error;

  private OAuthError(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  public static OAuthError invalidRequest(String description) {
    return new OAuthError(400, "invalid_request", description);
  }

  public static OAuthError invalidClient() {
    return new OAuthError(
        401,
        "invalid_client",
        "client authentication failed (unknown client, wrong secret or disabled)");
  }

  public static OAuthError unsupportedGrantType(String grant) {
    return new OAuthError(
        400,
        "unsupported_grant_type",
        "grant_type " + grant + " is not supported; use client_credentials");
  }

  public String error() {
    return error;
  }

  public Response response() {
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .header("Cache-Control", "no-store")
            .header("Pragma", "no-cache")
            .entity(Map.of("error", error, "error_description", getMessage()));
    if (status == 401) {
      builder.header("WWW-Authenticate", "Basic realm=\"gateway\"");
    }
    return builder.build();
  }
}
