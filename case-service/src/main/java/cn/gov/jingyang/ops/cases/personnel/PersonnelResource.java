package cn.gov.jingyang.ops.cases.personnel;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The person replica, read-only: who can be assigned to cases, as last heard. */
@Path("/personnel")
@Tag(name = "Personnel replica")
@RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR, Roles.AUDITOR})
public class PersonnelResource {

  /**
   * A person: {@code dutyStatus} is the status in force now; a change announced for later
   * (effectiveFrom ahead) is {@code nextDutyStatus} from {@code nextDutyStatusFrom}.
   */
  public record PersonView(
      UUID personId,
      String name,
      String category,
      UUID unitId,
      DutyStatus dutyStatus,
      DutyStatus nextDutyStatus,
      OffsetDateTime nextDutyStatusFrom,
      boolean active,
      OffsetDateTime updatedAt) {
    static PersonView of(PersonReplica p) {
      OffsetDateTime now = OffsetDateTime.now();
      boolean announced = p.statusSince() != null && p.statusSince().isAfter(now);
      return new PersonView(
          p.personId(),
          p.name(),
          p.category(),
          p.unitId(),
          p.statusAt(now),
          announced ? p.dutyStatus() : null,
          announced ? p.statusSince() : null,
          p.active(),
          p.updatedAt());
    }
  }

  private final PersonReplicaRepository people;

  public PersonnelResource(PersonReplicaRepository people) {
    this.people = people;
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One person as the replica knows them (404 if never heard of)")
  public PersonView get(@PathParam("id") UUID id) {
    return people
        .findByIdOptional(id)
        .map(PersonView::of)
        .orElseThrow(() -> ProblemException.notFound("person", id));
  }
}
