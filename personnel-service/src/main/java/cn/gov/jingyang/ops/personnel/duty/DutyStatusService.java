package cn.gov.jingyang.ops.personnel.duty;

import cn.gov.jingyang.ops.personnel.fatigue.FatigueService;
import cn.gov.jingyang.ops.personnel.person.Person;
import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.personnel.person.PersonStates;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.transaction.Flush;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dated duty-status changes: checked for sense, recorded in the history, published. A change may be
 * planned (effective later) and may be recorded after one dated later; the status at any time comes
 * from {@link DutyTimeline}. The person's shown status is the one holding now, moved on by {@link
 * #rollForward} when a planned change begins or a dated one ends.
 */
@ApplicationScoped
public class DutyStatusService {

  private final PersonRepository people;
  private final DutyStatusChangeRepository history;
  private final FatigueService fatigue;
  private final Outbox outbox;
  private final Duration planningHorizon;
  private final PersonStates states;

  public DutyStatusService(
      PersonRepository people,
      DutyStatusChangeRepository history,
      FatigueService fatigue,
      Outbox outbox,
      @ConfigProperty(name = "personnel.duty.planning-horizon", defaultValue = "P366D")
          Duration planningHorizon,
      PersonStates states) {
    this.states = states;
    this.people = people;
    this.history = history;
    this.fatigue = fatigue;
    this.outbox = outbox;
    this.planningHorizon = planningHorizon;
  }

  @Transactional
  public DutyStatusChange change(
      UUID personId,
      DutyStatus status,
      String reason,
      OffsetDateTime effectiveFrom,
      OffsetDateTime until,
      String changedBy) {
    people.require(personId);
    Person person = people.findById(personId, LockModeType.PESSIMISTIC_WRITE);
    person.requireActive();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime from = effectiveFrom == null ? now : effectiveFrom;
    DutyTimeline timeline = history.timelineOf(personId);
    requireSensibleInterval(timeline, from, until, now);
    DutyStatus previous = timeline.before(from);
    // a change taking effect now (or recorded late) follows the state machine; a planned one is
    // not held to what is planned before it, since that plan may still change
    if (!from.isAfter(now) && !previous.mayBecome(status)) {
      throw ProblemException.illegalTransition(previous, status, previous.allowedNext());
    }
    DutyStatusChange change =
        new DutyStatusChange(personId, previous, status, reason, from, until, changedBy, now);
    history.persist(change);
    show(person, history.timelineOf(personId), now);
    Flush.orRefuse(people::flush, Flush::changedMeanwhile, Flush::changedMeanwhile);
    outbox.append(
        new DutyStatusChanged(personId, previous, status, reason, from, until, changedBy));
    states.publish(person);
    if (previous == DutyStatus.ON_DUTY) {
      fatigue.offDuty(personId, from);
    }
    if (status == DutyStatus.ON_DUTY) {
      fatigue.onDuty(personId, from);
    }
    if (status == DutyStatus.RESTING) {
      fatigue.registerRest(personId, from, "duty status RESTING: " + reason);
    }
    return change;
  }

  /** The status at {@code at} (now if null), from the dated changes. */
  @Transactional
  public DutyTimeline.Standing statusAt(UUID personId, OffsetDateTime at) {
    people.require(personId);
    return history.timelineOf(personId).at(at == null ? OffsetDateTime.now(ZoneOffset.UTC) : at);
  }

  /**
   * Moves on the shown status of everyone whose planned change began or dated change ended; locks
   * them in id order.
   */
  @Transactional
  public int rollForward(OffsetDateTime now) {
    List<Person> due =
        people
            .find("dutyStatusReviewAt <= ?1", Sort.by("id"), now)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .list();
    due.forEach(p -> show(p, history.timelineOf(p.id()), now));
    people.flush();
    due.forEach(states::publish); // the state topic follows the status shown now
    return due.size();
  }

  private static void show(Person person, DutyTimeline timeline, OffsetDateTime now) {
    DutyTimeline.Standing standing = timeline.at(now);
    OffsetDateTime since =
        standing
            .source()
            .map(DutyTimeline.Entry::from)
            .or(() -> timeline.lastEndBy(now))
            .orElse(person.dutyStatusSince());
    person.showDutyStatus(standing.status(), since, timeline.nextTurnAfter(now).orElse(null));
  }

  /**
   * A change may not be dated before (or at) the person's latest change that has already begun —
   * history is not rewritten — nor at the instant another change begins, nor end before it begins,
   * nor lie beyond the planning horizon. Each refusal is a 422 naming the field.
   */
  private void requireSensibleInterval(
      DutyTimeline timeline, OffsetDateTime from, OffsetDateTime until, OffsetDateTime now) {
    timeline
        .lastBegunAt(now)
        .filter(last -> !from.isAfter(last.from()))
        .ifPresent(
            last -> {
              throw ProblemException.unprocessable(
                  "effectiveFrom",
                  "cannot precede the person's previous change ("
                      + last.status()
                      + " from "
                      + last.from()
                      + "); record a change from a later time");
            });
    if (timeline.hasChangeAt(from)) {
      throw ProblemException.unprocessable(
          "effectiveFrom", "another change of this person already takes effect at " + from);
    }
    OffsetDateTime horizon = now.plus(planningHorizon);
    if (from.isAfter(horizon)) {
      throw ProblemException.unprocessable(
          "effectiveFrom", "lies beyond the planning horizon (" + planningHorizon + ")");
    }
    if (until != null && !until.isAfter(from)) {
      throw ProblemException.unprocessable("until", "must be after effectiveFrom (" + from + ")");
    }
    if (until != null && until.isAfter(from.plus(planningHorizon))) {
      throw ProblemException.unprocessable(
          "until", "the interval is longer than the planning horizon (" + planningHorizon + ")");
    }
  }
}
