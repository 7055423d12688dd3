package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.VerificationTaskAssigned;
import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.VerificationTaskCompleted;
import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.VerificationTaskUnreachable;
import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.VerificationTaskVisited;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The station's work on a task: assign, visit, unreachable, complete. Each takes the version the
 * caller read (412 if stale), locks the task first, and appends its event.
 */
@ApplicationScoped
public class TaskWork {

  private final VerificationTaskRepository tasks;
  private final Outbox outbox;
  private final Event<ConcealedExposureFound> concealedExposures;

  public TaskWork(
      VerificationTaskRepository tasks,
      Outbox outbox,
      Event<ConcealedExposureFound> concealedExposures) {
    this.tasks = tasks;
    this.outbox = outbox;
    this.concealedExposures = concealedExposures;
  }

  @Transactional
  public VerificationTask assign(UUID id, long version, String assignee, TaskScope scope) {
    VerificationTask task = lock(id, version, scope);
    OffsetDateTime at = OffsetDateTime.now();
    task.assign(assignee.trim(), at);
    tasks.flush();
    outbox.append(
        new VerificationTaskAssigned(
            id, task.stationUnitId(), task.assignee(), at, scope.name(), task.version()));
    return task;
  }

  @Transactional
  public VerificationTask visit(UUID id, long version, OffsetDateTime at, TaskScope scope) {
    VerificationTask task = lock(id, version, scope);
    OffsetDateTime visitedAt = at == null ? OffsetDateTime.now() : at;
    task.visit(visitedAt);
    tasks.flush();
    outbox.append(
        new VerificationTaskVisited(
            id, task.stationUnitId(), visitedAt, scope.name(), task.version()));
    return task;
  }

  @Transactional
  public VerificationTask unreachable(UUID id, long version, String reason, TaskScope scope) {
    VerificationTask task = lock(id, version, scope);
    OffsetDateTime at = OffsetDateTime.now();
    task.unreachable(reason, at);
    tasks.flush();
    outbox.append(
        new VerificationTaskUnreachable(
            id, task.stationUnitId(), reason, at, scope.name(), task.version()));
    return task;
  }

  /**
   * Completes with an outcome. Repeated (the task is COMPLETED with the same outcome already) it
   * answers the task as it is and changes nothing, whatever version it names; another outcome is
   * 409. CONCEALED_EXPOSURE also fires {@link ConcealedExposureFound} in this transaction, once.
   */
  @Transactional
  public VerificationTask complete(
      UUID id, long version, Outcome outcome, String note, TaskScope scope) {
    VerificationTask task = scope.visible(tasks.findLocked(id), id);
    if (task.status() == TaskStatus.COMPLETED && task.outcome() == outcome) {
      return task;
    }
    requireVersion(task, version);
    OffsetDateTime at = OffsetDateTime.now();
    task.complete(outcome, note, at, scope.name());
    tasks.flush();
    outbox.append(
        new VerificationTaskCompleted(
            id, task.stationUnitId(), outcome, note, at, scope.name(), task.version()));
    if (outcome == Outcome.CONCEALED_EXPOSURE) {
      concealedExposures.fire(ConcealedExposureFound.of(task));
    }
    return task;
  }

  private VerificationTask lock(UUID id, long version, TaskScope scope) {
    VerificationTask task = scope.visible(tasks.findLocked(id), id);
    requireVersion(task, version);
    return task;
  }

  private static void requireVersion(VerificationTask task, long expected) {
    if (task.version() != expected) {
      throw ProblemException.preconditionFailed(
          "verification task "
              + task.id()
              + " is at version "
              + task.version()
              + ", not "
              + expected
              + "; read it again");
    }
  }
}
