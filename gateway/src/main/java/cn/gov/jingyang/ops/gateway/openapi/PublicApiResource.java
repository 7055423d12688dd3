package cn.gov.jingyang.ops.gateway.openapi;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/openapi}: the merged public API description, open like the services' own. */
@Path("/api/v1/openapi")
@Tag(name = "API description")
public class PublicApiResource {

  private final PublicApiDocument document;

  public PublicApiResource(PublicApiDocument document) {
    this.document = document;
  }

  @GET
  @PermitAll
  @SecurityRequirements
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The public OpenAPI document",
      description =
          "Every public operation of every route with its /api/v1 path, the gateway's own"
              + " operations, the security schemes and every error an operation can answer"
              + " (contracts/openapi/public.json is its snapshot).")
  public Response openapi() {
    return Response.ok(document.document()).header("Cache-Control", "public, max-age=300").build();
  }
}
