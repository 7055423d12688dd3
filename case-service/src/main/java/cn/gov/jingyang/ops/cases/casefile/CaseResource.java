package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.cases.casefile.CaseApi.ActionRequest;
import cn.gov.jingyang.ops.cases.casefile.CaseApi.CaseDescription;
import cn.gov.jingyang.ops.cases.casefile.CaseApi.CaseRequest;
import cn.gov.jingyang.ops.cases.casefile.CaseApi.CaseView;
import cn.gov.jingyang.ops.cases.casefile.CaseApi.OfficerAssignment;
import cn.gov.jingyang.ops.cases.casefile.CaseApi.SeizureRequest;
import cn.gov.jingyang.ops.cases.casefile.CaseApi.StatusChange;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import cn.gov.jingyang.ops.platform.versioning.Etags;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/cases")
@Tag(name = "Cases")
public class CaseResource {

  private static final String IF_MATCH_OPTIONAL =
      "ETag of the version read, e.g. \"3\"; optional here: if sent, a stale one is 412";

  /** An ETag is a version in quotes, weak or not: far shorter than this. */
  static final int IF_MATCH_LENGTH = 64;

  private static final String SCOPE =
      " An INVESTIGATOR reaches only the cases their unit leads (token claim unit) or they are"
          + " assigned to (token subject = their person id); any other case is 404 to them.";

  private final CaseFileService service;
  private final CaseFileRepository cases;
  private final PersonalDataViewer viewer;
  private final CaseScope scope;

  public CaseResource(
      CaseFileService service,
      CaseFileRepository cases,
      PersonalDataViewer viewer,
      CaseScope scope) {
    this.service = service;
    this.cases = cases;
    this.viewer = viewer;
    this.scope = scope;
  }

  @POST
  @Idempotent
  @RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR, Roles.STATION_OFFICER})
  @Operation(
      summary =
          "Report a case (REPORTED) and get its number JY-<year>-<6 digits>; officers must be known,"
              + " active and not SICK/INJURED/ON_LEAVE (422 naming officers[i])",
      description =
          "The town is a gazetteer code or a name of it (else 422 naming town), the lead unit one"
              + " personnel-service registered (else 422 naming leadUnitId). Publishes"
              + " CaseReported and a CaseOfficerAssigned per officer.")
  @APIResponse(
      responseCode = "201",
      description = "Reported; Location is the case, ETag its version",
      headers = {
        @Header(name = "ETag", schema = @Schema(implementation = String.class, maxLength = 22)),
        @Header(name = "Location", schema = @Schema(implementation = String.class, maxLength = 50))
      },
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CaseView.class)))
  public Response report(@Valid @NotNull CaseRequest request) {
    CaseFile c = service.report(request, viewer.name());
    return Etags.created(URI.create("/cases/" + c.id()), CaseView.of(c, viewer), c.version());
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR, Roles.STATION_OFFICER, Roles.AUDITOR})
  @Operation(
      summary =
          "List cases, newest report first, by kind, status, lead unit, officer, report days"
              + " (from/to inclusive, Asia/Shanghai) and text (number, summary, place)",
      description = "Paged: page from 0, size 1 to 200 (default 50)." + SCOPE)
  public Page<CaseView> list(
      @Parameter(description = "Only cases of this kind") @QueryParam("kind") CaseKind kind,
      @Parameter(description = "Only cases in this status") @QueryParam("status") CaseStatus status,
      @Parameter(description = "Only cases this unit leads") @QueryParam("unitId") UUID unitId,
      @Parameter(description = "Only cases with this officer") @QueryParam("officerId")
          UUID officerId,
      @Parameter(description = "First report day, inclusive", example = "2020-02-03")
          @QueryParam("from")
          LocalDate from,
      @Parameter(description = "Last report day, inclusive", example = "2020-02-09")
          @QueryParam("to")
          LocalDate to,
      @Parameter(
              description =
                  "Text in number, summary or place; one holding an ID number or phone is 403 for"
                      + " a role that sees them masked; at most 200 characters")
          @QueryParam("q")
          @Size(max = 200)
          String q,
      @BeanParam PageParams paging) {
    DistrictDays.checkRange(from, to);
    viewer.requireMaySearchText("q", q);
    return cases
        .search(
            new CaseFileRepository.Filter(
                kind,
                status,
                unitId,
                officerId,
                from == null ? null : startOf(from),
                to == null ? null : startOf(to.plusDays(1)),
                q == null || q.isBlank() ? null : q),
            scope.reach(),
            paging.request())
        .map(c -> CaseView.of(c, viewer));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR, Roles.STATION_OFFICER, Roles.AUDITOR})
  @Operation(
      summary = "One case with its timeline, and its ETag (the version in quotes)",
      description = "Parties' ID numbers and phones are masked for AUDITOR." + SCOPE)
  @APIResponse(
      responseCode = "200",
      description = "The case",
      headers =
          @Header(name = "ETag", schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = CaseView.class)))
  public Response get(@PathParam("id") UUID id) {
    return withEtag(scope.visible(cases.require(id)));
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR})
  @Operation(
      summary =
          "Change a case's description; If-Match with the ETag read is required (428 without, 412"
              + " if stale)",
      description =
          "Not its number, source, status or officers; a changed lead unit must be registered"
              + " (422). An identical description changes nothing and publishes nothing; else"
              + " CaseUpdated."
              + SCOPE)
  public Response describe(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the version read, e.g. \"3\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = IF_MATCH_LENGTH)
          String ifMatch,
      @Valid @NotNull CaseDescription request) {
    return withEtag(
        service.describe(id, Etags.requiredVersion(ifMatch), request, scope, viewer.name()));
  }

  @POST
  @Idempotent
  @Path("/{id}/status")
  @RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR})
  @Operation(
      summary =
          "Move a case: REPORTED → ACCEPTED → UNDER_INVESTIGATION → ADMINISTRATIVE_PENALTY |"
              + " CRIMINAL_CASE_FILED (legalBasis required) | MEDIATED | NO_VIOLATION → CLOSED;"
              + " 409 names the allowed moves; If-Match required (428 without, 412 if stale)",
      description =
          "Publishes CaseStatusChanged; the note goes into the timeline. CLOSED sets closedAt."
              + SCOPE)
  public Response changeStatus(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the version read, e.g. \"3\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = IF_MATCH_LENGTH)
          String ifMatch,
      @Valid @NotNull StatusChange change) {
    return withEtag(
        service.changeStatus(id, Etags.requiredVersion(ifMatch), change, scope, viewer.name()));
  }

  @POST
  @Idempotent
  @Path("/{id}/officers")
  @RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR})
  @Operation(
      summary =
          "Assign an officer: known, active, not SICK/INJURED/ON_LEAVE (else 422 naming personId);"
              + " already on the case 409",
      description =
          "At most "
              + CaseFile.MAX_OFFICERS
              + " officers on a case (409 case-full). Publishes CaseOfficerAssigned."
              + SCOPE)
  public Response assignOfficer(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_OPTIONAL)
          @HeaderParam("If-Match")
          @Size(max = IF_MATCH_LENGTH)
          String ifMatch,
      @Valid @NotNull OfficerAssignment request) {
    return withEtag(
        service.assignOfficer(
            id, optionalVersion(ifMatch), request.personId(), scope, viewer.name()));
  }

  @POST
  @Idempotent
  @Path("/{id}/seizures")
  @RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR})
  @Operation(
      summary = "Record goods seized (item, quantity, unit, custody status)",
      description =
          "At most "
              + CaseFile.MAX_SEIZURES
              + " seizures on a case (409 case-full). Publishes CaseSeizureRecorded."
              + SCOPE)
  public Response recordSeizure(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_OPTIONAL)
          @HeaderParam("If-Match")
          @Size(max = IF_MATCH_LENGTH)
          String ifMatch,
      @Valid @NotNull SeizureRequest request) {
    return withEtag(
        service.recordSeizure(id, optionalVersion(ifMatch), request, scope, viewer.name()));
  }

  @POST
  @Idempotent
  @Path("/{id}/actions")
  @RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR})
  @Operation(
      summary = "Add an action to the case's timeline (author: the caller)",
      description =
          "A timeline holds at most "
              + CaseFile.MAX_TIMELINE
              + " entries; a change that would add one more is 409 case-full. Publishes"
              + " CaseActionRecorded (ID numbers and phones in the text masked)."
              + SCOPE)
  public Response recordAction(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH_OPTIONAL)
          @HeaderParam("If-Match")
          @Size(max = IF_MATCH_LENGTH)
          String ifMatch,
      @Valid @NotNull ActionRequest request) {
    return withEtag(
        service.recordAction(id, optionalVersion(ifMatch), request, scope, viewer.name()));
  }

  private static Long optionalVersion(String ifMatch) {
    return ifMatch == null || ifMatch.isBlank() ? null : Etags.requiredVersion(ifMatch);
  }

  private Response withEtag(CaseFile c) {
    return Etags.ok(CaseView.of(c, viewer), c.version());
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return DistrictDays.startOf(day).atOffset(java.time.ZoneOffset.UTC);
  }
}
