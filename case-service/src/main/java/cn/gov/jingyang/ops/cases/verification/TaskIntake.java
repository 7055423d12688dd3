package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.cases.routing.RoutingTable;
import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.Source;
import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.VerificationTaskCreated;
import cn.gov.jingyang.ops.cases.verification.VerificationTaskEvents.VerificationTaskSourceAdded;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens tasks from any source: one open task per person. A source already known (by its unique key)
 * changes nothing; a person with an open task gets the source added to it instead of a second task;
 * otherwise a new task is routed to the station covering the town, or to the district queue.
 */
@ApplicationScoped
public class TaskIntake {

  /** What an intake did. */
  public enum Effect {
    CREATED,
    SOURCE_ADDED,
    ALREADY_KNOWN
  }

  public record Result(VerificationTask task, Effect effect) {}

  private final VerificationTaskRepository tasks;
  private final RoutingTable routing;
  private final VerificationConfig config;
  private final Outbox outbox;
  private final PersonalDataSealing sealing;

  public TaskIntake(
      VerificationTaskRepository tasks,
      RoutingTable routing,
      VerificationConfig config,
      Outbox outbox,
      PersonalDataSealing sealing) {
    this.tasks = tasks;
    this.routing = routing;
    this.config = config;
    this.outbox = outbox;
    this.sealing = sealing;
  }

  /**
   * Takes a source that named a person at {@code namedAt} (a flag's time, a list's arrival); the
   * task is due by {@code dueAt}, or that long after {@code namedAt} as the source's configured
   * urgency says. The task and the source are recorded as of now.
   */
  @Transactional
  public Result take(
      KeyPerson person, SourceRef source, OffsetDateTime dueAt, OffsetDateTime namedAt, String by) {
    Optional<VerificationTask> known = tasks.ofSource(source.key());
    if (known.isPresent()) {
      return new Result(known.get(), Effect.ALREADY_KNOWN);
    }
    OffsetDateTime at = OffsetDateTime.now();
    OffsetDateTime due = dueAt != null ? dueAt : namedAt.plus(config.dueWithin(source.kind()));
    String lookup = sealing.lookup(person.idNumber());
    Optional<VerificationTask> open = tasks.openOfPersonLocked(lookup);
    if (open.isPresent()) {
      VerificationTask task = open.get();
      TaskSource added = task.addSource(source, due, at, by);
      tasks.flush();
      outbox.append(
          new VerificationTaskSourceAdded(task.id(), Source.of(added), task.dueAt(), at, by));
      return new Result(task, Effect.SOURCE_ADDED);
    }
    UUID station = routing.stationFor(person.townCode()).orElse(null);
    VerificationTask task = VerificationTask.open(person, lookup, source, station, due, at, by);
    tasks.persist(task);
    tasks.flush();
    outbox.append(VerificationTaskCreated.of(task));
    return new Result(task, Effect.CREATED);
  }
}
