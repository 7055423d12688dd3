package cn.gov.jingyang.ops.cases.personnel;

import cn.gov.jingyang.ops.platform.events.DatedChanges;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The person replica, read-only: who can be assigned to cases, as last heard. */
@Path("/personnel")
@Tag(name = "Personnel replica")
@RolesAllowed({Roles.COMMAND, Roles.INVESTIGATOR, Roles.AUDITOR})
public class PersonnelResource {

  /**
   * A person: {@code dutyStatus} is the status holding now by personnel-service's dated changes;
   * the next planned change is {@code nextDutyStatus} from {@code nextDutyStatusFrom}.
   */
  public record PersonView(
      UUID personId,
      @Schema(description = "as personnel-service registered it", maxLength = 100) String name,
      @Schema(
              description = "personnel-service's category",
              enumeration = {
                "POLICE_OFFICER",
                "AUXILIARY_POLICE",
                "STAFF",
                "VOLUNTEER",
                "EXTERNAL"
              })
          String category,
      UUID unitId,
      @Schema(description = "Status holding now", example = "AVAILABLE") DutyStatus dutyStatus,
      @Schema(
              description = "Since when it holds without a break; null: before any change known",
              maxLength = TIME_LENGTH)
          OffsetDateTime dutyStatusSince,
      @Schema(description = "The next status by the changes known; null: none planned")
          DutyStatus nextDutyStatus,
      @Schema(
              description = "When the next status begins; null: none planned",
              maxLength = TIME_LENGTH)
          OffsetDateTime nextDutyStatusFrom,
      boolean active,
      OffsetDateTime updatedAt) {
    static PersonView of(PersonReplica p, DatedChanges<DutyStatus> timeline, OffsetDateTime now) {
      Optional<DatedChanges.Stretch<DutyStatus>> next = timeline.nextChangeAfter(now);
      return new PersonView(
          p.personId(),
          p.name(),
          p.category(),
          p.unitId(),
          timeline.at(now),
          timeline.since(now),
          next.map(DatedChanges.Stretch::status).orElse(null),
          next.map(DatedChanges.Stretch::start).orElse(null),
          p.active(),
          p.updatedAt());
    }
  }

  @Schema(description = "A person's duty status at a time, by the replica's dated changes")
  public record DutyStatusAt(
      @Schema(description = "The time asked about", maxLength = TIME_LENGTH) OffsetDateTime at,
      @Schema(description = "Status holding then", example = "ON_LEAVE") DutyStatus status,
      @Schema(
              description = "Since when it holds without a break; null: before any change known",
              maxLength = TIME_LENGTH)
          OffsetDateTime since) {}

  /** Characters of an RFC 3339 date-time with nanoseconds and an offset. */
  static final int TIME_LENGTH = 35;

  private final PersonReplicaRepository people;
  private final DutyIntervals intervals;

  public PersonnelResource(PersonReplicaRepository people, DutyIntervals intervals) {
    this.people = people;
    this.intervals = intervals;
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "One person as the replica knows them (404 if never heard of)",
      description =
          "Built from personnel.events only: name, unit, the duty status holding now and the"
              + " next planned change, active. Who can be assigned to a case.")
  public PersonView get(@PathParam("id") UUID id) {
    PersonReplica p = person(id);
    return PersonView.of(p, intervals.of(p), OffsetDateTime.now());
  }

  @GET
  @Path("/{id}/duty-status")
  @Operation(
      summary =
          "A person's duty status at a time (now if absent), as personnel-service's dated"
              + " changes give it",
      description =
          "Of the changes holding at the time, the one with the latest effectiveFrom; none:"
              + " AVAILABLE.")
  public DutyStatusAt dutyStatus(
      @PathParam("id") UUID id,
      @Parameter(description = "The time; now if absent", example = "2020-02-10T08:00:00+08:00")
          @QueryParam("at")
          OffsetDateTime at) {
    PersonReplica p = person(id);
    OffsetDateTime when = at == null ? OffsetDateTime.now() : at;
    DatedChanges<DutyStatus> timeline = intervals.of(p);
    return new DutyStatusAt(when, timeline.at(when), timeline.since(when));
  }

  private PersonReplica person(UUID id) {
    return people.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("person", id));
  }
}
