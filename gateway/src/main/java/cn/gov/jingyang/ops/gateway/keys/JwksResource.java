package cn.gov.jingyang.ops.gateway.keys;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys that verify the gateway's tokens, for the services (smallrye-jwt reads a JWKS
 * URL) and anyone else who checks them. Open: public keys are public.
 */
@Path("/.well-known/jwks.json")
@Tag(name = "Tokens")
public class JwksResource {

  private final KeyRing keys;

  public JwksResource(KeyRing keys) {
    this.keys = keys;
  }

  @GET
  @PermitAll
  @SecurityRequirements
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The gateway's public signing keys (JWKS)",
      description =
          "Every key whose tokens may be in use, each with its kid: the active signer and the"
              + " verify-only keys of a rotation.")
  public Response jwks() {
    return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300").build();
  }
}
