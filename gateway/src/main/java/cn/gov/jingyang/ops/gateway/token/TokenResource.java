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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
  @APIResponse(
      responseCode = "400",
      description = "invalid_request or unsupported_grant_type",
      content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
  @APIResponse(
      responseCode = "401",
      description = "invalid_client",
      content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
  @APIResponse(
      responseCode = "429",
      description =
          "slow_down: too many attempts from this address (token endpoint and login together);"
              + " Retry-After says when to try again",
      content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_FORM_URLENCODED,
              schema = @Schema(implementation = TokenRequest.class)))
  public Response token(
      // an Authorization header parameter is ignored by OpenAPI (3.1 §4.8.12.1): described above
      @Parameter(hidden = true) @HeaderParam("Authorization") String authorization,
      MultivaluedMap<String, String> form) {
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

  /** RFC 6749 §4.4.2, as the form fields this endpoint reads (for the OpenAPI document). */
  @Schema(name = "TokenRequest")
  public record TokenRequest(
      @Schema(name = "grant_type", required = true, enumeration = "client_credentials")
          String grant_type,
      @Schema(
              name = "client_id",
              description = "unless the client authenticates with HTTP Basic",
              maxLength = 64,
              pattern = "^[a-z0-9][a-z0-9._-]{2,63}$")
          String client_id,
      @Schema(
              name = "client_secret",
              description = "unless the client authenticates with HTTP Basic",
              maxLength = 256,
              pattern = "^\\S+$")
          String client_secret) {}

  /** RFC 6749 §5.2. */
  @Schema(name = "OAuthErrorAnswer")
  public record ErrorAnswer(
      @Schema(
              required = true,
              enumeration = {"invalid_request", "invalid_client", "unsupported_grant_type"})
          String error,
      @Schema(name = "error_description", maxLength = 500) String error_description) {}

  /** RFC 6749 §5.1. */
  @Schema(name = "TokenAnswer")
  public record TokenAnswer(
      @Schema(
              name = "access_token",
              description = "a JWS in compact serialisation",
              maxLength = 8192,
              pattern = "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$")
          String access_token,
      @Schema(name = "token_type", enumeration = "Bearer") String token_type,
      @Schema(name = "expires_in", description = "seconds", minimum = "1", maximum = "86400")
          long expires_in) {
    public static TokenAnswer of(TokenIssuer.AccessToken token) {
      return new TokenAnswer(token.token(), "Bearer", token.expiresIn());
    }
  }
}
