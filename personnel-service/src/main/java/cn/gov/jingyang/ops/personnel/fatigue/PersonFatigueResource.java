package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/people/{id}/fatigue")
@Tag(
    name = "Duty days and fatigue",
    description = "Consecutive duty days per person and FatigueAlerts")
@RolesAllowed({Roles.PERSONNEL_ADMIN, Roles.COMMAND, Roles.AUDITOR})
public class PersonFatigueResource {

  @Schema(description = "A period of duty registered directly (not from a checkpoint shift)")
  public record DutyRegistration(
      @Schema(description = "Start", example = "2020-02-03T08:00:00+08:00") @NotNull
          OffsetDateTime start,
      @Schema(description = "End (after start)", example = "2020-02-03T20:00:00+08:00") @NotNull
          OffsetDateTime end) {}

  @Schema(description = "A rest day registered directly")
  public record RestRegistration(
      @Schema(description = "Calendar day of rest (Asia/Shanghai)", example = "2020-02-10") @NotNull
          LocalDate day,
      @Schema(description = "Reason", example = "ordered to rest") @Size(max = 500)
          String reason) {}

  @Schema(description = "A person's standing and recent duty days")
  public record PersonFatigue(
      @Schema(description = "Streak and alert") FatigueQueries.FatigueStanding standing,
      @Schema(description = "Most recent duty days, newest first (up to 31)")
          List<LocalDate> recentDutyDays) {}

  private final FatigueService fatigue;
  private final FatigueQueries queries;
  private final PersonRepository people;

  public PersonFatigueResource(
      FatigueService fatigue, FatigueQueries queries, PersonRepository people) {
    this.fatigue = fatigue;
    this.queries = queries;
    this.people = people;
  }

  @GET
  @Operation(summary = "A person's consecutive duty days, open alert and recent duty days")
  public PersonFatigue ofPerson(@PathParam("id") UUID id) {
    people.require(id);
    return new PersonFatigue(queries.of(id), queries.dutyDays(id, 31));
  }

  @POST
  @Idempotent
  @Path("duty-periods")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Transactional
  @Operation(summary = "Register a period of duty directly (counts towards duty days like a shift)")
  public PersonFatigue registerDuty(
      @PathParam("id") UUID id, @Valid @NotNull DutyRegistration request) {
    people.require(id).requireActive();
    if (!request.end().isAfter(request.start())) {
      throw ProblemException.badRequest("end", "must be after start");
    }
    fatigue.registerDutyPeriod(id, request.start(), request.end());
    return new PersonFatigue(queries.of(id), queries.dutyDays(id, 31));
  }

  @POST
  @Idempotent
  @Path("rest-days")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Transactional
  @Operation(summary = "Register a rest day: it breaks the streak and clears an open fatigue alert")
  public PersonFatigue registerRest(
      @PathParam("id") UUID id, @Valid @NotNull RestRegistration request) {
    people.require(id);
    fatigue.registerRest(
        id, request.day(), request.reason() == null ? "rest registered" : request.reason());
    return new PersonFatigue(queries.of(id), queries.dutyDays(id, 31));
  }
}
