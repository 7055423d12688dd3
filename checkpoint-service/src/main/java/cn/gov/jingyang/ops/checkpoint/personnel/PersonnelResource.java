package cn.gov.jingyang.ops.checkpoint.personnel;

import cn.gov.jingyang.ops.platform.events.DatedChanges;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The personnel replica, read-only: who can be put on shifts, as last heard from personnel-service.
 */
@Path("/personnel")
@Tag(name = "Personnel replica")
@RolesAllowed({Roles.COMMAND, Roles.CHECKPOINT_OFFICER, Roles.AUDITOR})
public class PersonnelResource {

  public record PersonView(
      UUID personId,
      @Schema(description = "full name, as personnel-service has it", maxLength = 100) String name,
      @Schema(
              description = "personnel-service's category",
              example = "POLICE_OFFICER",
              maxLength = 40)
          String category,
      UUID unitId,
      DutyStatus dutyStatus,
      boolean active,
      @Schema(
              description =
                  "an open FatigueAlert: scheduled only with COMMAND's override (POST /shifts)")
          boolean fatigueAlertOpen,
      OffsetDateTime updatedAt) {
    static PersonView of(PersonReplica p) {
      return new PersonView(
          p.personId(),
          p.name(),
          p.category(),
          p.unitId(),
          p.dutyStatus(),
          p.active(),
          p.fatigueAlertId() != null,
          p.updatedAt());
    }
  }

  @Schema(description = "A person's duty status at a time, by the replica's dated intervals")
  public record DutyStatusAt(
      @Schema(description = "The time asked about", maxLength = 35) OffsetDateTime at,
      @Schema(description = "Status holding then", example = "ON_LEAVE") DutyStatus status,
      @Schema(
              description = "Since when it holds without a break; null: before any change known",
              maxLength = 35)
          OffsetDateTime since) {}

  private final PersonReplicaRepository people;
  private final DutyIntervals intervals;

  public PersonnelResource(PersonReplicaRepository people, DutyIntervals intervals) {
    this.people = people;
    this.intervals = intervals;
  }

  @GET
  @Operation(
      summary = "People known from personnel-service, by duty status and unit",
      description =
          "The replica built from personnel.events and personnel.people.state; paged. dutyStatus"
              + " is the status holding now.")
  public Page<PersonView> list(
      @Parameter(description = "Only people with this duty status") @QueryParam("dutyStatus")
          DutyStatus dutyStatus,
      @Parameter(description = "Only people of this unit") @QueryParam("unitId") UUID unitId,
      @BeanParam PageParams paging) {
    return people.search(dutyStatus, unitId, paging.request()).map(PersonView::of);
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "One person as the replica knows them",
      description = "A person never heard of is 404.")
  public PersonView get(@PathParam("id") UUID id) {
    PersonReplica p =
        people.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("person", id));
    return PersonView.of(p);
  }

  @GET
  @Path("/{id}/duty-status")
  @Operation(
      summary =
          "A person's duty status at a time (now if absent), as personnel-service's dated"
              + " changes give it",
      description = "A person never heard of is 404.")
  public DutyStatusAt dutyStatus(
      @PathParam("id") UUID id,
      @Parameter(description = "The time; now if absent", example = "2020-02-10T08:00:00+08:00")
          @QueryParam("at")
          OffsetDateTime at) {
    PersonReplica p =
        people.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("person", id));
    OffsetDateTime when = at == null ? OffsetDateTime.now() : at;
    DatedChanges<DutyStatus> timeline = intervals.of(id, p.snapshotStatus());
    return new DutyStatusAt(when, timeline.at(when), timeline.since(when));
  }
}
