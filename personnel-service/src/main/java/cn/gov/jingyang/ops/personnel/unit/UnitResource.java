package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.personnel.unit.UnitApi.UnitView;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/units")
@Tag(
    name = "Units",
    description = "The unit tree: bureau, brigades, police stations, external departments")
@RolesAllowed({
  Roles.PERSONNEL_ADMIN,
  Roles.COMMAND,
  Roles.AUDITOR,
  Roles.CHECKPOINT_OFFICER,
  Roles.STATION_OFFICER,
  Roles.INVESTIGATOR
})
public class UnitResource {

  private final UnitService service;
  private final UnitRepository units;

  public UnitResource(UnitService service, UnitRepository units) {
    this.service = service;
    this.units = units;
  }

  @POST
  @Idempotent
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary = "Create a unit under its parent (a police station may list the towns it covers)")
  public Response create(@Valid @NotNull UnitApi.CreateUnit request) {
    Unit unit = service.create(request);
    return Response.created(URI.create("/units/" + unit.id())).entity(UnitView.of(unit)).build();
  }

  @GET
  @Operation(summary = "List units, optionally only the children of one unit")
  public Page<UnitView> list(
      @Parameter(description = "Only direct children of this unit") @QueryParam("parentId")
          UUID parentId,
      @Parameter(description = "Page from 0") @QueryParam("page") Integer page,
      @Parameter(description = "Page size, default 50, capped at 200") @QueryParam("size")
          Integer size) {
    PageRequest request = PageRequest.of(page, size);
    var query =
        parentId == null
            ? units.findAll(Sort.by("code"))
            : units.find("parentId", Sort.by("code"), parentId);
    return Page.of(query.page(request.panache()).list(), request, query.count(), UnitView::of);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One unit")
  public UnitView get(@PathParam("id") UUID id) {
    return UnitView.of(units.require(id));
  }

  @PUT
  @Path("/{id}/coverage")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(summary = "Replace the towns a police station covers (publishes UnitCoverageChanged)")
  public UnitView changeCoverage(
      @PathParam("id") UUID id, @Valid @NotNull UnitApi.Coverage coverage) {
    return UnitView.of(service.changeCoverage(id, coverage.towns()));
  }

  @GET
  @Path("/coverage")
  @Operation(summary = "Police stations covering a town: where town-based work is routed")
  public List<UnitView> coverage(
      @Parameter(description = "Town name", example = "黃許鎮", required = true)
          @QueryParam("town")
          @NotNull
          String town) {
    return units.stationsCovering(town.trim()).stream().map(UnitView::of).toList();
  }
}
