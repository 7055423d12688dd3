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
  private final TownCoverage coverage;

  public UnitResource(UnitService service, UnitRepository units, TownCoverage coverage) {
    this.service = service;
    this.units = units;
    this.coverage = coverage;
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

  @POST
  @Path("/coverage/transfers")
  @Idempotent
  @RolesAllowed({Roles.PERSONNEL_ADMIN, Roles.COMMAND})
  @Operation(
      summary =
          "Move a town to another station in one step: the current station releases it, the new"
              + " one takes it (publishes UnitCoverageChanged for both)")
  public UnitApi.TransferView transfer(@Valid @NotNull UnitApi.TownTransfer request) {
    return UnitApi.TransferView.of(service.transfer(request.town(), request.toUnitId()));
  }

  @GET
  @Path("/coverage")
  @Operation(
      summary =
          "The police station covering a town (its primary station): where town-based work is"
              + " routed")
  public List<UnitView> coverage(
      @Parameter(
              description = "Town: gazetteer code or any name or alias",
              example = "510603-T11",
              required = true)
          @QueryParam("town")
          @NotNull
          String town) {
    CoveredTown place = coverage.require("town", town);
    return units.stationsCovering(place.code()).stream().map(UnitView::of).toList();
  }
}
