package cn.gov.jingyang.ops.gateway.token;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OAuth 2.0 token endpoint for systems (client credentials). Its errors are OAuth's JSON
 * ({@link OAuthError}), the one documented exception to problem+json.
 */
@Path("/oauth/token")
@Tag(name = "Tokens")
public class TokenResource {

  private final ClientCredentials grants;

  public TokenResource(ClientCredentials grants) {
    this.grants = grants;
  }

  @POST
  @PermitAll
  @SecurityRequirements
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Get an access token (OAuth 2.0 client credentials, RFC 6749 §4.4)",
      description =
          "Form fields grant_type=client_credentials, and client_id/client_secret unless the client"
              + " authenticates with HTTP Basic. Errors are RFC 6749 §5.2 JSON"
              + " {error, error_description}, not problem+json: 400 invalid_request or"
              + " unsupported_grant_type, 401 invalid_client, 429 slow_down (rate limit per client"
              + " address, with Retry-After).")
  @APIResponse(
      responseCode = "200",
      description = "A signed JWT (RS256) with the client's roles (groups) and unit",
      content = @Content(schema = @Schema(implementation = TokenAnswer.class)))
  @APIResponse(responseCode = "400", description = "invalid_request or unsupported_grant_type")
  @APIResponse(responseCode = "401", description = "invalid_client")
  @APIResponse(
      responseCode = "429",
      description =
          "slow_down: too many attempts from this address (token endpoint and login together);"
              + " Retry-After says when to try again")
  public Response token(
      @HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form) {
    try {
      TokenIssuer.AccessToken token = grants.grant(authorization, form);
      return Response.ok(TokenAnswer.of(token))
          .header("Cache-Control", "no-store")
          .header("Pragma", "no-cache")
          .build();
    } catch (OAuthError e) {
      return e.response();
    }
  }

  /** RFC 6749 §5.1. */
  @Schema(name = "TokenAnswer")
  public record TokenAnswer(
      @Schema(name = "access_token") String access_token,
      @Schema(name = "token_type", enumeration = "Bearer") String token_type,
      @Schema(name = "expires_in") long expires_in) {
    public static TokenAnswer of(TokenIssuer.AccessToken token) {
      return new TokenAnswer(token.token(), "Bearer", token.expiresIn());
    }
  }
}
