package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.personnel.config.PersonnelConfig;
import cn.gov.jingyang.ops.personnel.deployment.DeploymentApi.DeploymentView;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deployments")
@Tag(name = "Deployments", description = "People and teams sent to support other units (增援)")
@RolesAllowed({Roles.PERSONNEL_ADMIN, Roles.COMMAND, Roles.AUDITOR, Roles.STATION_OFFICER})
public class DeploymentResource {

  private final DeploymentService service;
  private final DeploymentRepository deployments;
  private final PersonnelConfig config;

  public DeploymentResource(
      DeploymentService service, DeploymentRepository deployments, PersonnelConfig config) {
    this.service = service;
    this.deployments = deployments;
    this.config = config;
  }

  @POST
  @Idempotent
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary = "Send a person or a team to support another unit; publishes DeploymentStarted")
  public Response start(@Valid @NotNull DeploymentApi.StartDeployment request) {
    Deployment d = service.start(request);
    return Response.created(URI.create("/deployments/" + d.id()))
        .entity(DeploymentView.of(d, today()))
        .build();
  }

  @GET
  @Operation(summary = "Deployments from or to a unit, or of a person; current, past or all")
  public Page<DeploymentView> list(
      @Parameter(description = "Sending or supported unit") @QueryParam("unitId") UUID unitId,
      @Parameter(description = "A person among those sent") @QueryParam("personId") UUID personId,
      @Parameter(description = "CURRENT, PAST or ALL (default)")
          @QueryParam("when")
          @DefaultValue("ALL")
          DeploymentRepository.When when,
      @Parameter(description = "Page from 0") @QueryParam("page") Integer page,
      @Parameter(description = "Page size, default 50, capped at 200") @QueryParam("size")
          Integer size) {
    PageRequest request = PageRequest.of(page, size);
    LocalDate today = today();
    var query = deployments.search(unitId, personId, when, today);
    return Page.of(
        query.page(request.panache()).list(),
        request,
        query.count(),
        d -> DeploymentView.of(d, today));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One deployment")
  public DeploymentView get(@PathParam("id") UUID id) {
    return DeploymentView.of(deployments.require(id), today());
  }

  @POST
  @Idempotent
  @Path("/{id}/end")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(summary = "End a deployment; publishes DeploymentEnded")
  public DeploymentView end(
      @PathParam("id") UUID id, @Valid @NotNull DeploymentApi.EndDeployment request) {
    return DeploymentView.of(service.end(id, request), today());
  }

  private LocalDate today() {
    return LocalDate.now(config.zone());
  }
}
