package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.personnel.party.PartyApi.PartyStatusView;
import cn.gov.jingyang.ops.personnel.person.Person;
import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
  @Operation(summary = "A person's party status")
  public PartyStatusView partyStatus(@PathParam("id") UUID id) {
    Person p = people.require(id);
    return new PartyStatusView(p.id(), p.partyStatus(), p.partyStatusSince());
  }

  @PUT
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary =
          "Set a person's party status; APPLICANT records the dated application (PartyApplicationSubmitted)")
  public PartyStatusView changePartyStatus(
      @PathParam("id") UUID id, @Valid @NotNull PartyApi.ChangePartyStatus request) {
    Person p = service.changePartyStatus(id, request);
    return new PartyStatusView(p.id(), p.partyStatus(), p.partyStatusSince());
  }
}
