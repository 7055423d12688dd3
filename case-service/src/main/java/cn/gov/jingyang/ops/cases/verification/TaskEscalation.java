package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.cases.routing.RoutingTable;
import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.VerificationTaskEscalated;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Escalates to the station's parent unit every open task left UNREACHABLE, or past its due time,
 * for longer than {@code case.verification.escalate-after}; once per task (moving the task to
 * another station starts afresh). Tasks in the district queue and stations without a known parent
 * are not escalated.
 */
@ApplicationScoped
public class TaskEscalation {

  static final int BATCH = 500;

  private final VerificationTaskRepository tasks;
  private final RoutingTable routing;
  private final VerificationConfig config;
  private final Outbox outbox;

  public TaskEscalation(
      VerificationTaskRepository tasks,
      RoutingTable routing,
      VerificationConfig config,
      Outbox outbox) {
    this.tasks = tasks;
    this.routing = routing;
    this.config = config;
    this.outbox = outbox;
  }

  @Scheduled(
      every = "${case.verification.escalation-every:5m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    OffsetDateTime now = OffsetDateTime.now();
    while (escalateDue(now) == BATCH) {
      // more to do
    }
  }

  /** Escalates up to {@value #BATCH} tasks due for it at {@code now}; returns how many. */
  @Transactional
  public int escalateDue(OffsetDateTime now) {
    OffsetDateTime cutoff = now.minus(config.escalateAfter());
    var due = tasks.escalationCandidates(cutoff, BATCH);
    for (VerificationTask task : due) {
      UUID parent = routing.parentOf(task.stationUnitId()).orElseThrow();
      boolean unreachable =
          task.status() == TaskStatus.UNREACHABLE && !task.unreachableSince().isAfter(cutoff);
      String reason = unreachable ? "UNREACHABLE" : "OVERDUE";
      task.escalate(parent, reason, now);
      outbox.append(
          new VerificationTaskEscalated(
              task.id(), task.stationUnitId(), parent, reason, task.status(), task.dueAt(), now));
    }
    return due.size();
  }
}
