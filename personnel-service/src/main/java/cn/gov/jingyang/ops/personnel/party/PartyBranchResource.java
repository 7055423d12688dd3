package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.personnel.party.PartyApi.BranchView;
import cn.gov.jingyang.ops.personnel.party.PartyApi.MemberView;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Party files: readable by the political office (PERSONNEL_ADMIN), COMMAND and AUDITOR only. */
@Path("/party-branches")
@Tag(
    name = "Party organisation",
    description =
        "Regular and temporary branches, members, vanguard teams, party status, applications")
@RolesAllowed({Roles.PERSONNEL_ADMIN, Roles.COMMAND, Roles.AUDITOR})
public class PartyBranchResource {

  private final PartyBranchService service;
  private final PartyBranchRepository branches;
  private final PartyRecords records;

  public PartyBranchResource(
      PartyBranchService service, PartyBranchRepository branches, PartyRecords records) {
    this.service = service;
    this.branches = branches;
    this.records = records;
  }

  @POST
  @Idempotent
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary =
          "Establish a branch (TEMPORARY ones belong to a checkpoint); publishes PartyBranchEstablished",
      description =
          "A REGULAR branch belongs to a unit and has no checkpoint; a TEMPORARY one is set up at"
              + " a checkpoint (400 otherwise). The secretary, if named, is an active person; the"
              + " flag is presented on or after the day the branch is established.")
  public Response establish(@Valid @NotNull PartyApi.EstablishBranch request) {
    PartyBranch branch = service.establish(request);
    return Response.created(URI.create("/party-branches/" + branch.id()))
        .entity(service.view(branch))
        .build();
  }

  @GET
  @Operation(
      summary = "List branches: per checkpoint, per kind; dissolved ones only on request",
      description =
          "Branches with their member and vanguard counts, one page at a time; filters combine"
              + " (AND).")
  public Page<BranchView> list(
      @Parameter(description = "Only branches of this checkpoint") @QueryParam("checkpointId")
          UUID checkpointId,
      @Parameter(description = "REGULAR or TEMPORARY") @QueryParam("kind") BranchKind kind,
      @Parameter(description = "Include dissolved branches") @QueryParam("includeDissolved")
          boolean includeDissolved,
      @BeanParam PageParams paging) {
    PageRequest request = paging.request();
    var query = branches.search(checkpointId, kind, includeDissolved);
    return Page.of(query.page(request.panache()).list(), request, query.count(), service::view);
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "One branch with its member and vanguard counts",
      description = "Dissolved branches stay readable; 404 for an unknown id.")
  public BranchView get(@PathParam("id") UUID id) {
    return service.view(branches.require(id));
  }

  @POST
  @Idempotent
  @Path("{id}/dissolution")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary = "Dissolve a branch; publishes PartyBranchDissolved",
      description =
          "The branch and its members stay on file; a dissolved branch takes no new members and"
              + " cannot be dissolved again (409). A checkpoint's temporary branches are dissolved"
              + " by themselves when it closes.")
  public BranchView dissolve(@PathParam("id") UUID id, @Valid @NotNull PartyApi.Dissolve request) {
    return service.view(service.dissolve(id, request.reason()));
  }

  @GET
  @Path("{id}/members")
  @Operation(
      summary =
          "Members of a branch (any department, volunteers included); vanguard=true for the vanguard team",
      description = "One page at a time; 404 for an unknown branch.")
  public Page<MemberView> members(
      @PathParam("id") UUID id,
      @Parameter(description = "Only the vanguard team") @QueryParam("vanguard")
          boolean vanguardOnly,
      @BeanParam PageParams paging) {
    branches.require(id);
    PageRequest request = paging.request();
    return new Page<>(
        records.members(id, vanguardOnly, request),
        request.page(),
        request.size(),
        records.countMembers(id, vanguardOnly));
  }

  @POST
  @Idempotent
  @Path("{id}/members")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary = "Add a party member to a branch or change their vanguard-team membership",
      description =
          "Only an active person who is a MEMBER or PROBATIONARY joins (409 otherwise), and only"
              + " a branch not dissolved; adding a member again changes only the vanguard flag."
              + " Publishes PartyBranchMemberAdded or PartyBranchVanguardChanged.")
  public Response addMember(@PathParam("id") UUID id, @Valid @NotNull PartyApi.AddMember request) {
    service.addMember(id, request);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/members/{personId}")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary = "Remove a member from a branch",
      description =
          "Publishes PartyBranchMemberRemoved; 404 if the person is not a member, 409 if the"
              + " branch is dissolved.")
  public Response removeMember(@PathParam("id") UUID id, @PathParam("personId") UUID personId) {
    service.removeMember(id, personId);
    return Response.noContent().build();
  }
}
