package cn.gov.jingyang.ops.gateway.login;

import cn.gov.jingyang.ops.gateway.token.TokenResource;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** People log in with their username and password and get a token like a system's. */
@Path("/auth/login")
@Tag(name = "Tokens")
public class LoginResource {

  public record Credentials(
      @NotBlank @Size(max = 128) String username, @NotNull @Size(max = 256) String password) {}

  private final PersonLogin login;

  public LoginResource(PersonLogin login) {
    this.login = login;
  }

  @POST
  @PermitAll
  @SecurityRequirements
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Log in with a password; get an access token",
      description =
          "401 for an unknown username and a wrong password alike. After 5 failures in 15 minutes"
              + " for a username or from an address, 429 with Retry-After; also 429 once an"
              + " address has used its attempts (token endpoint and login together).")
  @APIResponse(
      responseCode = "200",
      description = "A signed JWT (RS256) with the person's roles (groups) and unit",
      content = @Content(schema = @Schema(implementation = TokenResource.TokenAnswer.class)))
  @APIResponse(responseCode = "401", description = "Unknown username or wrong password")
  public Response login(@Valid @NotNull Credentials body, @Context HttpServerRequest request) {
    String address =
        request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    return Response.ok(
            TokenResource.TokenAnswer.of(login.login(body.username(), body.password(), address)))
        .header("Cache-Control", "no-store")
        .build();
  }
}
