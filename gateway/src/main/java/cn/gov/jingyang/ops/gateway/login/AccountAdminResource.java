package cn.gov.jingyang.ops.gateway.login;

import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * District command manages the people who log in at {@code /auth/login}: creates their accounts
 * with an initial password, lists them, disables them and resets their passwords. No answer ever
 * carries a password or its hash.
 */
@Path("/admin/accounts")
@Tag(name = "Accounts")
@RolesAllowed(Roles.COMMAND)
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {

  public record NewAccount(
      @NotNull @Size(min = 3, max = 64) @Pattern(regexp = AccountDirectory.USERNAME)
          String username,
      @NotBlank @Size(max = 100) String displayName,
      @NotNull @Size(min = 1, max = 7) List<@NotNull @Size(max = 40) String> roles,
      UUID unitId,
      @Schema(
              description =
                  "the person's id in personnel-service; their tokens then carry it as sub, which"
                      + " the services' object scopes (shifts, assigned cases) read")
          UUID personId,
      @NotNull @Size(min = 12, max = 256) String password) {}

  public record NewPassword(@NotNull @Size(min = 12, max = 256) String password) {}

  /** An account as command sees it: never its password. */
  public record AccountView(
      @Schema(maxLength = 64) String username,
      @Schema(maxLength = 100) String displayName,
      @Schema(maxItems = 7) List<@Size(max = 40) String> roles,
      UUID unitId,
      UUID personId,
      boolean disabled,
      OffsetDateTime createdAt,
      OffsetDateTime passwordChangedAt) {
    static AccountView of(Account a) {
      return new AccountView(
          a.username,
          a.displayName,
          a.roleList(),
          a.unitId,
          a.personId,
          a.disabled,
          a.createdAt,
          a.passwordChangedAt);
    }
  }

  private final AccountDirectory accounts;

  public AccountAdminResource(AccountDirectory accounts) {
    this.accounts = accounts;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a person's account with an initial password",
      description =
          "409 when the username exists; 422 for an unknown role. The password (12 to 256"
              + " characters) is stored only as a PBKDF2 hash.")
  public Response create(@Valid @NotNull NewAccount body) {
    Account account =
        accounts.create(
            body.username(),
            body.displayName(),
            body.roles(),
            body.unitId(),
            body.personId(),
            body.password());
    return Response.created(URI.create("/admin/accounts/" + account.username))
        .entity(AccountView.of(account))
        .build();
  }

  @GET
  @Operation(summary = "Accounts by username, a page at a time (never a password)")
  public Page<AccountView> list(@BeanParam PageParams paging) {
    return accounts.list(paging.request()).map(AccountView::of);
  }

  @POST
  @Path("/{username}/disable")
  @Operation(summary = "Disable an account: no more logins; tokens it holds expire (1 h)")
  public AccountView disable(@PathParam("username") @Size(max = 64) String username) {
    return AccountView.of(accounts.disable(username));
  }

  @POST
  @Path("/{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reset an account's password",
      description = "The old password stops working; failed logins of the username are forgotten.")
  public AccountView resetPassword(
      @PathParam("username") @Size(max = 64) String username, @Valid @NotNull NewPassword body) {
    return AccountView.of(accounts.resetPassword(username, body.password()));
  }
}
