package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.personnel.unit.UnitApi.UnitView;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
      summary = "Create a unit under its parent (a police station may list the towns it covers)",
      description =
          "Publishes UnitRegistered (and UnitCoverageChanged when towns are given). The code is"
              + " unique (409 if taken); towns are resolved through the gazetteer (422 for a name"
              + " it does not know) and a town another station covers is refused (409).")
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the unit, ETag is its version",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes, e.g. \"0\"",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = UnitView.class)))
  public Response create(@Valid @NotNull UnitApi.CreateUnit request) {
    Unit unit = service.create(request);
    return Etags.created(URI.create("/units/" + unit.id()), UnitView.of(unit), unit.version());
  }

  @GET
  @Operation(
      summary = "List units, optionally only the children of one unit",
      description =
          "Units ordered by code, one page at a time; with parentId only the direct children of"
              + " that unit.")
  public Page<UnitView> list(
      @Parameter(description = "Only direct children of this unit") @QueryParam("parentId")
          UUID parentId,
      @BeanParam PageParams paging) {
    PageRequest request = paging.request();
    var query =
        parentId == null
            ? units.findAll(Sort.by("code"))
            : units.find("parentId", Sort.by("code"), parentId);
    return Page.of(query.page(request.panache()).list(), request, query.count(), UnitView::of);
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "One unit, with its ETag (the version in quotes): If-Match of a coverage change",
      description = "The unit with the towns it covers. 404 for an unknown id.")
  @APIResponse(
      responseCode = "200",
      description = "The unit",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes, e.g. \"3\"",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = UnitView.class)))
  public Response get(@PathParam("id") UUID id) {
    return withEtag(units.require(id));
  }

  @PUT
  @Path("/{id}/coverage")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary =
          "Replace the towns a police station covers (publishes UnitCoverageChanged); If-Match"
              + " with the ETag read is required (428 without, 412 if stale)",
      description =
          "Only a police station covers towns. Each town is a gazetteer code or any name or"
              + " alias of it (422 if unknown); a town another station covers is 409: move it with"
              + " POST /units/coverage/transfers. An empty list releases every town.")
  @APIResponse(
      responseCode = "200",
      description = "Replaced; ETag is the new version",
      headers =
          @Header(
              name = "ETag",
              description = "the new version in quotes",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = UnitView.class)))
  public Response changeCoverage(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the unit as read, e.g. \"3\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = 64)
          String ifMatch,
      @Valid @NotNull UnitApi.Coverage coverage) {
    return withEtag(service.changeCoverage(id, Etags.requiredVersion(ifMatch), coverage.towns()));
  }

  @POST
  @Path("/coverage/transfers")
  @Idempotent
  @RolesAllowed({Roles.PERSONNEL_ADMIN, Roles.COMMAND})
  @Operation(
      summary =
          "Move a town to another station in one step: the current station releases it, the new"
              + " one takes it (publishes UnitCoverageChanged for both). If-Match is the ETag of the"
              + " receiving station (toUnitId) as read, fromUnitId the station seen covering the town"
              + " (absent: none did); 428 without If-Match, 412 if either is stale",
      description =
          "Both stations change in one transaction, so the town is never covered twice or left"
              + " uncovered by the move. The town is a gazetteer code or any name or alias (422 if"
              + " unknown); the receiving unit must be a police station.")
  @APIResponse(
      responseCode = "200",
      description = "Moved; ETag is the receiving station's new version",
      headers =
          @Header(
              name = "ETag",
              description = "the receiving station's new version in quotes",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = UnitApi.TransferView.class)))
  public Response transfer(
      @Parameter(
              description = "ETag of the receiving station (toUnitId) as read, e.g. \"3\"",
              required = true)
          @HeaderParam("If-Match")
          @Size(max = 64)
          String ifMatch,
      @Valid @NotNull UnitApi.TownTransfer request) {
    UnitService.Transfer transfer =
        service.transfer(
            request.town(),
            request.toUnitId(),
            Etags.requiredVersion(ifMatch),
            request.fromUnitId());
    return Etags.ok(UnitApi.TransferView.of(transfer), transfer.to().version());
  }

  @GET
  @Path("/coverage")
  @Operation(
      summary =
          "The police station covering a town (its primary station): where town-based work is"
              + " routed",
      description =
          "A list of at most one station (empty when no station covers the town). The town is a"
              + " gazetteer code or any name or alias of it; one the gazetteer does not know is"
              + " 422.")
  @APIResponse(
      responseCode = "200",
      description = "The station covering the town, if any",
      content =
          @Content(
              mediaType = "application/json",
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = UnitView.class, maxItems = 1)))
  public List<UnitView> coverage(
      @Parameter(
              description = "Town: gazetteer code or any name or alias",
              example = "510603-T11",
              required = true)
          @QueryParam("town")
          @NotNull
          @Size(max = 100)
          String town) {
    CoveredTown place = coverage.require("town", town);
    return units.stationsCovering(place.code()).stream().map(UnitView::of).toList();
  }

  private static Response withEtag(Unit unit) {
    return Etags.ok(UnitView.of(unit), unit.version());
  }
}
