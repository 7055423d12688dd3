package cn.gov.jingyang.ops.gateway.token;

import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** District command registers the systems that may get tokens, and disables or re-keys them. */
@Path("/admin/clients")
@Tag(name = "Clients")
@RolesAllowed(Roles.COMMAND)
@Produces(MediaType.APPLICATION_JSON)
public class ClientAdminResource {

  public record NewClient(
      @NotNull @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String clientId,
      @NotNull @Size(min = 1, max = 7) List<@NotNull @Size(max = 40) String> roles,
      UUID unitId) {}

  /** A client; {@code clientSecret} only in the answer that set it (shown once, never again). */
  public record ClientView(
      @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String clientId,
      @Size(max = 7) List<@Size(max = 40) @Pattern(regexp = "[A-Z_]{1,40}") String> roles,
      UUID unitId,
      boolean disabled,
      OffsetDateTime createdAt,
      OffsetDateTime secretChangedAt,
      @Schema(description = "only in the answer that set it", maxLength = 256, pattern = "\\S+")
          String clientSecret) {
    static ClientView of(ApiClient c, String secret) {
      return new ClientView(
          c.clientId, c.roleList(), c.unitId, c.disabled, c.createdAt, c.secretChangedAt, secret);
    }
  }

  /** The most clients one listing shows. */
  static final int MAX_LISTED = 1000;

  private final ClientRegistry registry;

  public ClientAdminResource(ClientRegistry registry) {
    this.registry = registry;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register a client; the answer shows its secret, once",
      description =
          "A system that may get tokens at /oauth/token with the roles (and unit) given here. The"
              + " secret is generated, stored only as a slow hash and shown in this answer only.")
  public Response create(@Valid @NotNull NewClient body) {
    ClientRegistry.Registered r = registry.register(body.clientId(), body.roles(), body.unitId());
    return Response.created(URI.create("/admin/clients/" + r.client().clientId))
        .header("Cache-Control", "no-store")
        .entity(ClientView.of(r.client(), r.secret()))
        .build();
  }

  @GET
  @Operation(
      summary = "The registered clients (never a secret)",
      description = "By client id; the first " + MAX_LISTED + " of them.")
  @APIResponse(
      responseCode = "200",
      description = "The clients",
      content =
          @Content(
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      maxItems = MAX_LISTED,
                      implementation = ClientView.class)))
  public List<ClientView> list() {
    return registry.list().stream().limit(MAX_LISTED).map(c -> ClientView.of(c, null)).toList();
  }

  @POST
  @Path("/{clientId}/disable")
  @Operation(
      summary = "Disable a client: no new tokens; those it holds expire",
      description = "The client's tokens already issued stay valid until they expire (minutes).")
  public ClientView disable(@PathParam("clientId") @Size(max = 64) String clientId) {
    return ClientView.of(registry.disable(clientId), null);
  }

  @POST
  @Path("/{clientId}/secret")
  @Operation(
      summary = "Give a client a new secret (shown once); the old one stops working",
      description =
          "The new secret is shown in this answer only; tokens already issued stay valid.")
  public Response rotateSecret(@PathParam("clientId") @Size(max = 64) String clientId) {
    ClientRegistry.Registered r = registry.rotateSecret(clientId);
    return Response.ok(ClientView.of(r.client(), r.secret()))
        .header("Cache-Control", "no-store")
        .build();
  }
}
