package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.cases.routing.TownMoved;
import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.VerificationTaskRerouted;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * When a station starts covering a town, the town's open tasks move to it — in the transaction that
 * changed the routing table, in one statement however many (a provincial list leaves thousands in a
 * town) — each with a VerificationTaskRerouted. Completed tasks stay where they were done.
 */
@ApplicationScoped
public class TaskRerouting {

  private final VerificationTaskRepository tasks;
  private final Outbox outbox;

  public TaskRerouting(VerificationTaskRepository tasks, Outbox outbox) {
    this.tasks = tasks;
    this.outbox = outbox;
  }

  void townMoved(@Observes TownMoved move) {
    for (VerificationTaskRepository.Moved task :
        tasks.moveOpenOfTown(move.townCode(), move.station())) {
      outbox.append(
          new VerificationTaskRerouted(
              task.id(),
              move.townCode(),
              task.from(),
              move.station(),
              move.reason(),
              move.at(),
              null));
    }
  }
}
