package cn.gov.jingyang.ops.checkpoint.risk;

import cn.gov.jingyang.ops.checkpoint.risk.RiskRulesApi.RiskRulesRequest;
import cn.gov.jingyang.ops.checkpoint.risk.RiskRulesApi.RiskRulesView;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/risk-rules")
@Tag(
    name = "Risk rules",
    description = "Risk regions and thresholds, versioned, changed by COMMAND")
@RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
public class RiskRulesResource {

  private final RiskRulesService service;
  private final RiskRulesRepository versions;
  private final SecurityIdentity identity;

  public RiskRulesResource(
      RiskRulesService service, RiskRulesRepository versions, SecurityIdentity identity) {
    this.service = service;
    this.versions = versions;
    this.identity = identity;
  }

  @GET
  @Operation(
      summary = "The risk rules in force, with their version as ETag",
      description = "Every inspection stored from now on is judged by this version.")
  @APIResponse(
      responseCode = "200",
      description = "The version in force",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = RiskRulesView.class)))
  public Response current() {
    return withEtag(service.current());
  }

  @PUT
  @RolesAllowed(Roles.COMMAND)
  @Operation(
      summary =
          "Change the risk rules: a new version (emits RiskRulesChanged); inspections recorded"
              + " from then on are judged by it. If-Match with the ETag read is required (428"
              + " without, 412 if another change came first)",
      description =
          "Regions are a province or province/city (400 otherwise), the threshold 35.0–42.0 °C;"
              + " records stored earlier are never judged again.")
  @APIResponse(
      responseCode = "200",
      description = "The new version; ETag is its number",
      headers =
          @Header(
              name = "ETag",
              description = "the new version in quotes",
              schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = RiskRulesView.class)))
  public Response change(
      @Parameter(description = "ETag of the version read, e.g. \"1\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = 40)
          String ifMatch,
      @Valid @NotNull RiskRulesRequest request) {
    return withEtag(
        service.change(Etags.requiredVersion(ifMatch), request, identity.getPrincipal().getName()));
  }

  @GET
  @Path("/history")
  @Operation(
      summary = "Every version of the risk rules, newest first",
      description = "Paged; versions are never changed once written.")
  public Page<RiskRulesView> history(@BeanParam PageParams paging) {
    service.current(); // version 1 exists before the first read
    return versions.history(paging.request()).map(RiskRulesView::of);
  }

  @GET
  @Path("/history/{version}")
  @Operation(
      summary = "One version of the risk rules (an inspection's riskRulesVersion)",
      description = "A version that does not exist is 404; a version below 1 is 400.")
  public RiskRulesView version(@PathParam("version") @Min(1) @Max(Integer.MAX_VALUE) int version) {
    return RiskRulesView.of(versions.require(version));
  }

  private static Response withEtag(RiskRulesVersion v) {
    return Etags.ok(RiskRulesView.of(v), v.version());
  }
}
