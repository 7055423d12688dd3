package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.cases.routing.RoutingTable;
import cn.gov.jingyang.ops.cases.routing.RoutingUnit;
import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.VerificationTaskRerouted;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.security.CallerUnit;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A task of the district queue (its town routed to no station) given to a station by hand. Only the
 * district may do so: COMMAND, or a caller whose token's unit is the district bureau itself (a
 * BUREAU unit of personnel-service). A routed task (or a completed one) is 409: its station owns
 * it, and coverage changes move it.
 */
@ApplicationScoped
public class ManualRouting {

  static final String REASON = "routed by hand from the district queue";

  private final VerificationTaskRepository tasks;
  private final RoutingTable routing;
  private final Outbox outbox;

  public ManualRouting(VerificationTaskRepository tasks, RoutingTable routing, Outbox outbox) {
    this.tasks = tasks;
    this.routing = routing;
    this.outbox = outbox;
  }

  @Transactional
  public VerificationTask route(
      UUID id, long version, UUID station, SecurityIdentity caller, CallerUnit unit, String by) {
    requireDistrict(caller, unit);
    VerificationTask task =
        tasks.findLocked(id).orElseThrow(() -> ProblemException.notFound("verification task", id));
    if (task.version() != version) {
      throw ProblemException.preconditionFailed(
          "verification task " + id + " is at version " + task.version() + ", not " + version);
    }
    if (task.stationUnitId() != null || task.status() == TaskStatus.COMPLETED) {
      throw ProblemException.conflict(
          "not-in-district-queue",
          task.status() == TaskStatus.COMPLETED
              ? "the task is COMPLETED"
              : "the task is routed to station "
                  + task.stationUnitId()
                  + "; only a district-queue task is routed by hand");
    }
    RoutingUnit target =
        routing
            .unit(station)
            .filter(u -> u.kind() == null || "POLICE_STATION".equals(u.kind()))
            .orElseThrow(
                () ->
                    ProblemException.unprocessable(
                        "stationUnitId",
                        "unit " + station + " is no police station known to personnel-service"));
    OffsetDateTime at = OffsetDateTime.now();
    task.routeTo(target.unitId());
    tasks.flush();
    outbox.append(
        new VerificationTaskRerouted(id, task.townCode(), null, target.unitId(), REASON, at, by));
    return task;
  }

  private void requireDistrict(SecurityIdentity caller, CallerUnit unit) {
    if (caller.hasRole(Roles.COMMAND)) {
      return;
    }
    boolean bureau =
        unit.unitId().flatMap(routing::unit).map(u -> "BUREAU".equals(u.kind())).orElse(false);
    if (!bureau) {
      throw new ProblemException(
          Problem.of(
              403,
              "district-only",
              "Forbidden",
              "a district-queue task is routed by the district command or the bureau's own staff"
                  + " (token claim "
                  + CallerUnit.CLAIM
                  + " naming the bureau)"));
    }
  }
}
