package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.cases.verification.VerificationApi.Assignment;
import cn.gov.jingyang.ops.cases.verification.VerificationApi.Completion;
import cn.gov.jingyang.ops.cases.verification.VerificationApi.ManualTaskRequest;
import cn.gov.jingyang.ops.cases.verification.VerificationApi.SourceAddedElsewhere;
import cn.gov.jingyang.ops.cases.verification.VerificationApi.TaskView;
import cn.gov.jingyang.ops.cases.verification.VerificationApi.Unreachable;
import cn.gov.jingyang.ops.cases.verification.VerificationApi.Visit;
import cn.gov.jingyang.ops.platform.idempotency.Idempotent;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageParams;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.versioning.Etags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/verification-tasks")
@Tag(name = "Household verification")
public class VerificationTaskResource {

  private static final String IF_MATCH = "ETag of the version read, e.g. \"3\"";

  /** An ETag is a version in quotes, weak or not: far shorter than this. */
  static final int IF_MATCH_LENGTH = 64;

  private static final String SCOPE =
      " A STATION_OFFICER reaches only their station's tasks (token claim unit) and those"
          + " escalated to their unit; any other task is 404 to them.";

  private final ManualTasks manual;
  private final TaskWork work;
  private final TaskQueries queries;
  private final VerificationTaskRepository tasks;
  private final TaskScope scope;

  public VerificationTaskResource(
      ManualTasks manual,
      TaskWork work,
      TaskQueries queries,
      VerificationTaskRepository tasks,
      TaskScope scope) {
    this.manual = manual;
    this.work = work;
    this.queries = queries;
    this.tasks = tasks;
    this.scope = scope;
  }

  @POST
  @Idempotent
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER})
  @Operation(
      summary =
          "Enter a key person to visit (source MANUAL), routed to the station covering the town;"
              + " if the person has an open task already, the request is added to it as a source"
              + " (200, or 202 if that task is another station's)",
      description =
          "Due by dueAt or now + case.verification.due.manual; an unknown townCode is 422."
              + " Publishes VerificationTaskCreated or VerificationTaskSourceAdded.")
  @APIResponse(
      responseCode = "201",
      description = "A new task, with its ETag",
      headers =
          @Header(name = "ETag", schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TaskView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Added as a source to the person's open task",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TaskView.class)))
  @APIResponse(
      responseCode = "202",
      description = "Added as a source to the person's open task at another station",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = SourceAddedElsewhere.class)))
  public Response enter(@Valid @NotNull ManualTaskRequest request) {
    Time.requireSensible("dueAt", request.dueAt());
    TaskIntake.Result result = manual.enter(request, scope.name());
    VerificationTask task = result.task();
    if (result.effect() == TaskIntake.Effect.CREATED) {
      return Etags.created(
          URI.create("/verification-tasks/" + task.id()), TaskView.of(task, scope), task.version());
    }
    if (!scope.sees(task)) {
      return Response.accepted(
              new SourceAddedElsewhere(
                  "SOURCE_ADDED",
                  "the person has an open task at another station; the request was added to it"))
          .build();
    }
    return withEtag(task);
  }

  @GET
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER, Roles.AUDITOR})
  @Operation(
      summary =
          "List tasks, most urgent first; a station officer sees only their station's (token claim"
              + " unit)",
      description = "Paged: page from 0, size 1 to 200 (default 50)." + SCOPE)
  public Page<TaskView> list(
      @Parameter(description = "Only tasks in this status") @QueryParam("status") TaskStatus status,
      @Parameter(description = "Only this station's tasks (unit id)") @QueryParam("station")
          UUID station,
      @Parameter(description = "Only tasks for this town (gazetteer code)", example = "510603-T10")
          @QueryParam("townCode")
          @Size(max = 10)
          @Pattern(regexp = VerificationApi.TOWN_CODE, message = "a gazetteer code like 510603-T10")
          String townCode,
      @Parameter(description = "Only tasks from this source") @QueryParam("source")
          SourceKind source,
      @Parameter(description = "Only tasks of this provincial batch")
          @QueryParam("batch")
          @Size(max = 64)
          @Pattern(regexp = VerificationApi.BATCH_ID, message = "a provincial batch id")
          String batch,
      @Parameter(description = "true: only overdue tasks; false: only those not overdue")
          @QueryParam("overdue")
          Boolean overdue,
      @BeanParam PageParams paging) {
    TaskFilter filter = TaskFilter.of(status, station, townCode, source, batch, overdue);
    return queries
        .list(filter, scope.unit(), OffsetDateTime.now(), paging.request())
        .map(t -> TaskView.of(t, scope));
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER, Roles.AUDITOR})
  @Operation(
      summary = "One task, with its ETag; another station's task is 404",
      description = "With its sources; ID number and phone masked for AUDITOR." + SCOPE)
  @APIResponse(
      responseCode = "200",
      description = "The task",
      headers =
          @Header(name = "ETag", schema = @Schema(implementation = String.class, maxLength = 22)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TaskView.class)))
  public Response get(@PathParam("id") UUID id) {
    return withEtag(scope.visible(tasks.findByIdOptional(id), id));
  }

  @POST
  @Idempotent
  @Path("/{id}/assignment")
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER})
  @Operation(
      summary =
          "Assign an officer (PENDING or UNREACHABLE → ASSIGNED; reassign); If-Match required",
      description =
          "Missing If-Match 428, stale 412; another status 409 naming the allowed ones."
              + " Publishes VerificationTaskAssigned."
              + SCOPE)
  @APIResponse(
      responseCode = "200",
      description = "Assigned; ETag is the new version",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TaskView.class)))
  public Response assign(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH, required = true)
          @HeaderParam("If-Match")
          @Size(max = IF_MATCH_LENGTH)
          String ifMatch,
      @Valid @NotNull Assignment body) {
    return withEtag(work.assign(id, Etags.requiredVersion(ifMatch), body.assignee(), scope));
  }

  @POST
  @Idempotent
  @Path("/{id}/visit")
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER})
  @Operation(
      summary = "The household was visited (ASSIGNED → VISITED); If-Match required",
      description =
          "visitedAt defaults to now and may not lie in the future. Publishes"
              + " VerificationTaskVisited."
              + SCOPE)
  @APIResponse(
      responseCode = "200",
      description = "Visited; ETag is the new version",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TaskView.class)))
  public Response visit(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH, required = true)
          @HeaderParam("If-Match")
          @Size(max = IF_MATCH_LENGTH)
          String ifMatch,
      @Valid @NotNull Visit body) {
    Time.requireSensible("visitedAt", body.visitedAt());
    return withEtag(work.visit(id, Etags.requiredVersion(ifMatch), body.visitedAt(), scope));
  }

  @POST
  @Idempotent
  @Path("/{id}/unreachable")
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER})
  @Operation(
      summary =
          "Nobody could be reached (ASSIGNED → UNREACHABLE; escalated to the station's parent"
              + " unit after case.verification.escalate-after); If-Match required",
      description = "Publishes VerificationTaskUnreachable." + SCOPE)
  @APIResponse(
      responseCode = "200",
      description = "Marked; ETag is the new version",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TaskView.class)))
  public Response unreachable(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH, required = true)
          @HeaderParam("If-Match")
          @Size(max = IF_MATCH_LENGTH)
          String ifMatch,
      @Valid @NotNull Unreachable body) {
    return withEtag(work.unreachable(id, Etags.requiredVersion(ifMatch), body.reason(), scope));
  }

  @POST
  @Idempotent
  @Path("/{id}/completion")
  @RolesAllowed({Roles.COMMAND, Roles.STATION_OFFICER})
  @Operation(
      summary =
          "Complete with an outcome (VISITED or UNREACHABLE → COMPLETED); If-Match required. A"
              + " repeated completion with the same outcome answers the task unchanged",
      description =
          "Another outcome after completion is 409. CONCEALED_EXPOSURE opens a case in the same"
              + " transaction. Publishes VerificationTaskCompleted."
              + SCOPE)
  @APIResponse(
      responseCode = "200",
      description = "Completed; ETag is the version",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = TaskView.class)))
  public Response complete(
      @PathParam("id") UUID id,
      @Parameter(description = IF_MATCH, required = true)
          @HeaderParam("If-Match")
          @Size(max = IF_MATCH_LENGTH)
          String ifMatch,
      @Valid @NotNull Completion body) {
    return withEtag(
        work.complete(id, Etags.requiredVersion(ifMatch), body.outcome(), body.note(), scope));
  }

  private Response withEtag(VerificationTask task) {
    return Etags.ok(TaskView.of(task, scope), task.version());
  }
}
