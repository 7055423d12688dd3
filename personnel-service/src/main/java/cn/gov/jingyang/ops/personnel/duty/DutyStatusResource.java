package cn.gov.jingyang.ops.personnel.duty;

import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/people/{id}/duty-status")
@Tag(
    name = "Duty status",
    description = "AVAILABLE, ON_DUTY, RESTING, SICK, INJURED, ON_LEAVE with a dated history")
public class DutyStatusResource {

  @Schema(description = "A duty-status change")
  public record ChangeDutyStatus(
      @Schema(
              description = "New status; SICK/INJURED/ON_LEAVE return via AVAILABLE",
              example = "SICK")
          @NotNull
          DutyStatus status,
      @Schema(description = "Why", example = "kidney stones after 12 days at the checkpoint")
          @NotBlank
          @Size(max = 500)
          String reason,
      @Schema(
              description =
                  "When it takes effect; now if absent. May lie in the future (planned leave) and"
                      + " before another planned change, but not before or at the person's latest"
                      + " change that has already begun (422)",
              example = "2020-02-06T10:30:00+08:00")
          OffsetDateTime effectiveFrom,
      @Schema(
              description =
                  "When it stops holding (exclusive); absent: until a later change. After it, what"
                      + " held before applies again",
              example = "2020-02-13T10:30:00+08:00")
          OffsetDateTime until) {}

  @Schema(description = "A person's duty status at a time, from the dated changes")
  public record DutyStatusAt(
      @Schema(description = "The time asked about") OffsetDateTime at,
      @Schema(description = "Status holding then", example = "ON_LEAVE") DutyStatus status,
      @Schema(description = "Start of the change it comes from; null: as registered")
          OffsetDateTime effectiveFrom,
      @Schema(description = "End of that change; null: until a later change")
          OffsetDateTime until) {}

  @Schema(description = "One entry of the duty-status history")
  public record DutyStatusEntry(
      @Schema(description = "Status before", example = "ON_DUTY") DutyStatus previousStatus,
      @Schema(description = "Status after", example = "SICK") DutyStatus status,
      @Schema(description = "Reason", example = "kidney stones", maxLength = 500) String reason,
      @Schema(description = "Effective from") OffsetDateTime effectiveFrom,
      @Schema(description = "Holds until (exclusive); null: until a later change")
          OffsetDateTime until,
      @Schema(
              description = "Who recorded it: the subject of the caller's token",
              example = "personnel-office",
              maxLength = 255)
          String changedBy,
      @Schema(description = "When it was recorded") OffsetDateTime recordedAt) {

    static DutyStatusEntry of(DutyStatusChange c) {
      return new DutyStatusEntry(
          c.previousStatus(),
          c.status(),
          c.reason(),
          c.effectiveFrom(),
          c.until(),
          c.changedBy(),
          c.recordedAt());
    }
  }

  private final DutyStatusService service;
  private final DutyStatusChangeRepository history;
  private final PersonRepository people;
  private final SecurityIdentity identity;

  public DutyStatusResource(
      DutyStatusService service,
      DutyStatusChangeRepository history,
      PersonRepository people,
      SecurityIdentity identity) {
    this.service = service;
    this.history = history;
    this.people = people;
    this.identity = identity;
  }

  @POST
  @Idempotent
  @RolesAllowed(Roles.PERSONNEL_ADMIN)
  @Operation(
      summary =
          "Record a dated duty-status change (409 naming the allowed targets if illegal, 422 naming"
              + " the field if its dates make no sense); publishes DutyStatusChanged",
      description =
          "A change taking effect now or earlier follows the state machine; a planned one (future"
              + " effectiveFrom) may be recorded before or after other planned ones.")
  public DutyStatusEntry change(
      @PathParam("id") UUID id, @Valid @NotNull ChangeDutyStatus request) {
    return DutyStatusEntry.of(
        service.change(
            id,
            request.status(),
            request.reason(),
            request.effectiveFrom(),
            request.until(),
            identity.getPrincipal().getName()));
  }

  @GET
  @RolesAllowed({
    Roles.PERSONNEL_ADMIN,
    Roles.COMMAND,
    Roles.AUDITOR,
    Roles.CHECKPOINT_OFFICER,
    Roles.STATION_OFFICER,
    Roles.INVESTIGATOR
  })
  @Operation(
      summary = "A person's duty status at a time (now if absent), from the dated changes",
      description =
          "Each change holds from effectiveFrom until its until (or a later change); where several"
              + " hold, the latest effectiveFrom wins; where none, AVAILABLE.")
  public DutyStatusAt at(
      @PathParam("id") UUID id,
      @Parameter(description = "The time; now if absent", example = "2020-02-10T08:00:00+08:00")
          @QueryParam("at")
          OffsetDateTime at) {
    OffsetDateTime when = at == null ? OffsetDateTime.now() : at;
    DutyTimeline.Standing standing = service.statusAt(id, when);
    return new DutyStatusAt(
        when,
        standing.status(),
        standing.source().map(DutyTimeline.Entry::from).orElse(null),
        standing.source().map(DutyTimeline.Entry::until).orElse(null));
  }

  @GET
  @Path("/history")
  @RolesAllowed({
    Roles.PERSONNEL_ADMIN,
    Roles.COMMAND,
    Roles.AUDITOR,
    Roles.CHECKPOINT_OFFICER,
    Roles.STATION_OFFICER,
    Roles.INVESTIGATOR
  })
  @Operation(
      summary = "A person's duty-status history, newest first",
      description =
          "Every recorded change with its reason, its dates, who recorded it and when, newest"
              + " effectiveFrom first; 404 for an unknown person.")
  public Page<DutyStatusEntry> history(@PathParam("id") UUID id, @BeanParam PageParams paging) {
    people.require(id);
    PageRequest request = paging.request();
    var query = history.historyOf(id).page(request.panache());
    return Page.of(query.list(), request, query.count(), DutyStatusEntry::of);
  }
}
