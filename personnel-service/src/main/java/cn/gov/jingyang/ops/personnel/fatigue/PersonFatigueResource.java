package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

  private final PersonFatigueService service;

  public PersonFatigueResource(PersonFatigueService service) {
    this.service = service;
  }

  @GET
  @Operation(
      summary = "A person's consecutive duty days, open alert and recent duty days",
      description =
          "Duty days come from checkpoint shifts and from periods registered here; 404 for an"
              + " unknown person.")
  public PersonFatigue ofPerson(@PathParam("id") UUID id) {
    return service.of(id);
  }

  @POST
  @Idempotent
  @Path("duty-periods")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary = "Register a period of duty directly (counts towards duty days like a shift)",
      description =
          "For duty outside checkpoint shifts, of an active person: publishes"
              + " DutyPeriodRecorded and counts its days (Asia/Shanghai) like a shift's, which may"
              + " raise a FatigueAlert. The end must be after the start (400).")
  public PersonFatigue registerDuty(
      @PathParam("id") UUID id, @Valid @NotNull DutyRegistration request) {
    return service.registerDuty(id, request.start(), request.end());
  }

  @POST
  @Idempotent
  @Path("rest-days")
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary = "Register a rest day: it breaks the streak and clears an open fatigue alert",
      description =
          "Publishes RestDayRecorded (once per person and day: a repeat changes nothing) and"
              + " re-evaluates the streak, clearing an open FatigueAlert it no longer supports.")
  public PersonFatigue registerRest(
      @PathParam("id") UUID id, @Valid @NotNull RestRegistration request) {
    return service.registerRest(id, request.day(), request.reason());
  }
}
