package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.personnel.party.PartyApi.PartyStatusView;
import cn.gov.jingyang.ops.personnel.person.Person;
import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's party status: a party file (PERSONNEL_ADMIN writes; COMMAND, AUDITOR read). */
@Path("/people/{id}/party-status")
@Tag(name = "Party organisation")
@RolesAllowed({Roles.PERSONNEL_ADMIN, Roles.COMMAND, Roles.AUDITOR})
public class PartyStatusResource {

  private final PartyBranchService service;
  private final PersonRepository people;

  public PartyStatusResource(PartyBranchService service, PersonRepository people) {
    this.service = service;
    this.people = people;
  }

  @GET
  @Operation(
      summary =
          "A person's party status, with its ETag (the party file's version in quotes): If-Match of"
              + " a change",
      description =
          "A party file: only PERSONNEL_ADMIN, COMMAND and AUDITOR read it. 404 for an unknown"
              + " person.")
  @APIResponse(
      responseCode = "200",
      description = "The party status",
      headers =
          @Header(
              name = "ETag",
              description = "the party file's version in quotes, e.g. \"3\"",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = PartyStatusView.class)))
  public Response partyStatus(@PathParam("id") UUID id) {
    return withEtag(people.require(id));
  }

  @PUT
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary =
          "Set a person's party status; APPLICANT records the dated application"
              + " (PartyApplicationSubmitted). If-Match with the ETag read is required (428 without,"
              + " 412 if stale)",
      description =
          "The date may not lie in the future (400). An application is written once, from NONE:"
              + " APPLICANT from any other status is 409 naming the allowed targets. A branch"
              + " named must exist (422).")
  @APIResponse(
      responseCode = "200",
      description = "Set; ETag is the party file's new version",
      headers =
          @Header(
              name = "ETag",
              description = "the new version in quotes",
              schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = PartyStatusView.class)))
  public Response changePartyStatus(
      @PathParam("id") UUID id,
      @Parameter(description = "ETag of the party status as read, e.g. \"3\"", required = true)
          @HeaderParam("If-Match")
          @Size(max = 64)
          String ifMatch,
      @Valid @NotNull PartyApi.ChangePartyStatus request) {
    return withEtag(service.changePartyStatus(id, Etags.requiredVersion(ifMatch), request));
  }

  private static Response withEtag(Person p) {
    return Etags.ok(
        new PartyStatusView(p.id(), p.partyStatus(), p.partyStatusSince(), p.partyStatusVersion()),
        p.partyStatusVersion());
  }
}
