package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.personnel.duty.DutyStatus;
import cn.gov.jingyang.ops.personnel.party.PartyFiles;
import cn.gov.jingyang.ops.personnel.party.PartyStatus;
import cn.gov.jingyang.ops.personnel.unit.UnitRepository;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

@Path("/people")
@Tag(
    name = "People",
    description = "Police, auxiliary police, staff, volunteers and seconded people")
@RolesAllowed({
  Roles.PERSONNEL_ADMIN,
  Roles.COMMAND,
  Roles.AUDITOR,
  Roles.CHECKPOINT_OFFICER,
  Roles.STATION_OFFICER,
  Roles.INVESTIGATOR
})
public class PersonResource {

  @Schema(description = "Why a person leaves active service")
  public record Deactivation(
      @Schema(description = "Reason", example = "retired") @NotBlank @Size(max = 500)
          String reason) {}

  private final PersonService service;
  private final PersonRepository people;
  private final UnitRepository units;
  private final SecurityIdentity identity;
  private final PersonalDataViewer viewer;

  public PersonResource(
      PersonService service,
      PersonRepository people,
      UnitRepository units,
      SecurityIdentity identity,
      PersonalDataViewer viewer) {
    this.service = service;
    this.people = people;
    this.units = units;
    this.identity = identity;
    this.viewer = viewer;
  }

  @POST
  @Idempotent
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary = "Register a person (publishes PersonRegistered)",
      description =
          "Creates the person's record in their unit, AVAILABLE, with no party status. A police"
              + " officer needs a badge number no one else has (409 if taken); other categories"
              + " carry none. The phone, if given, is a mainland mobile number.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the person, ETag is the version",
      headers =
          @Header(
              name = "ETag",
              description = "the version in quotes, e.g. \"0\"",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = PersonView.class)))
  public Response register(@Valid @NotNull PersonDetails details) {
    Person person = service.register(details);
    return Etags.created(
        URI.create("/people/" + person.id()), PersonView.of(person, viewer), person.version());
  }

  @GET
  @Operation(
      summary = "List people, filtered; filtering by party status needs a party-file role",
      description =
          "People ordered by name, one page at a time. Filters combine (AND). The phone is masked"
              + " for roles that see it masked; for them a q holding an ID number or a phone is"
              + " 403, so that masked data cannot be found by guessing it.")
  public Page<PersonView> list(
      @Parameter(description = "Only people of this unit") @QueryParam("unitId") UUID unitId,
      @Parameter(description = "With unitId: also people of all units below it")
          @QueryParam("includeSubUnits")
          boolean includeSubUnits,
      @Parameter(description = "Category") @QueryParam("category") PersonCategory category,
      @Parameter(description = "Duty status") @QueryParam("dutyStatus") DutyStatus dutyStatus,
      @Parameter(description = "Party status (PERSONNEL_ADMIN, COMMAND, AUDITOR only)")
          @QueryParam("partyStatus")
          PartyStatus partyStatus,
      @Parameter(
              description =
                  "Free text in name or badge number; one holding an ID number or phone is 403 for"
                      + " a role that sees them masked",
              example = "張")
          @QueryParam("q")
          @Size(max = 100)
          String q,
      @Parameter(description = "true: only active, false: only deactivated; default all")
          @QueryParam("active")
          Boolean active,
      @BeanParam PageParams paging) {
    if (partyStatus != null && !PartyFiles.mayRead(identity)) {
      throw new ForbiddenException("party files");
    }
    viewer.requireMaySearchText("q", q);
    List<UUID> unitIds = null;
    if (unitId != null) {
      units.require(unitId);
      unitIds = includeSubUnits ? units.selfAndDescendants(unitId) : List.of(unitId);
    }
    PageRequest request = paging.request();
    var query =
        people.search(
            new PersonRepository.Filter(unitIds, category, dutyStatus, partyStatus, q, active),
            request);
    return Page.of(query.list(), request, query.count(), p -> PersonView.of(p, viewer));
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "One person, with its ETag",
      description =
          "The person's record as every reader sees it (phone masked for roles that see it"
              + " masked); the ETag is its version, for If-Match of a PUT. Deactivated people stay"
              + " readable. 404 for an unknown id.")
  public Response get(@PathParam("id") UUID id) {
    Person person = people.require(id);
    return withEtag(person);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary =
          "Replace a person's details; If-Match with the ETag read is required (428 without, 412 if stale)",
      description =
          "The whole record is replaced by the body (same fields as a registration); publishes"
              + " PersonUpdated. Duty status and party status are changed through their own"
              + " resources.")
  public Response update(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the version read, e.g. \"3\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = 64)
          String ifMatch,
      @Valid @NotNull PersonDetails details) {
    return withEtag(service.update(id, Etags.requiredVersion(ifMatch), details));
  }

  @POST
  @Idempotent
  @Path("/{id}/deactivation")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary = "Deactivate a person (never deleted); publishes PersonDeactivated",
      description =
          "The person leaves active service for the reason given (retired, transferred away…):"
              + " the record, its history and its party file are kept, and lists can still find"
              + " it with active=false. A second deactivation is 409.")
  public Response deactivate(@PathParam("id") UUID id, @Valid @NotNull Deactivation request) {
    return withEtag(service.deactivate(id, request.reason()));
  }

  private Response withEtag(Person person) {
    return Etags.ok(PersonView.of(person, viewer), person.version());
  }
}
