package cn.gov.jingyang.ops.personnel.duty;

import cn.gov.jingyang.ops.personnel.common.Flush;
import cn.gov.jingyang.ops.personnel.fatigue.FatigueService;
import cn.gov.jingyang.ops.personnel.person.Person;
import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.personnel.person.PersonStates;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Duty-status changes: checked against the state machine, recorded in the history, published. */
@ApplicationScoped
public class DutyStatusService {

  private final PersonRepository people;
  private final DutyStatusChangeRepository history;
  private final FatigueService fatigue;
  private final Outbox outbox;
  private final PersonStates states;

  public DutyStatusService(
      PersonRepository people,
      DutyStatusChangeRepository history,
      FatigueService fatigue,
      Outbox outbox,
      PersonStates states) {
    this.states = states;
    this.people = people;
    this.history = history;
    this.fatigue = fatigue;
    this.outbox = outbox;
  }

  @Transactional
  public DutyStatusChange change(
      UUID personId,
      DutyStatus status,
      String reason,
      OffsetDateTime effectiveFrom,
      String changedBy) {
    Person person = people.require(personId);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime from = effectiveFrom == null ? now : effectiveFrom;
    DutyStatus previous = person.changeDutyStatus(status, from);
    DutyStatusChange change =
        new DutyStatusChange(personId, previous, status, reason, from, changedBy, now);
    history.persist(change);
    Flush.orRefuse(people::flush, Flush::changedMeanwhile, Flush::changedMeanwhile);
    outbox.append(new DutyStatusChanged(personId, previous, status, reason, from, changedBy));
    states.publish(person);
    if (status == DutyStatus.RESTING) {
      fatigue.registerRest(personId, from, "duty status RESTING: " + reason);
    }
    return change;
  }
}
