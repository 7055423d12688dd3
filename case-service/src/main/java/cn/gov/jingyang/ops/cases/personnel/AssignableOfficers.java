package cn.gov.jingyang.ops.cases.personnel;

import cn.gov.jingyang.ops.platform.events.DatedChanges;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Decides whether a person may be assigned to a case, from the replica: known (registered by
 * personnel-service, so with a name), active, and not SICK, INJURED or ON_LEAVE at the time — read
 * from the person's dated changes, so a leave planned for next week does not keep them off today.
 * Otherwise a 422 naming the request field that carried the id and the person.
 */
@ApplicationScoped
public class AssignableOfficers {

  private final PersonReplicaRepository people;
  private final DutyIntervals intervals;

  public AssignableOfficers(PersonReplicaRepository people, DutyIntervals intervals) {
    this.people = people;
    this.intervals = intervals;
  }

  /**
   * The person, share-locked until the transaction ends (a duty-status change arriving meanwhile
   * waits for the assignment); else 422 naming {@code field}.
   */
  public PersonReplica require(UUID personId, String field, OffsetDateTime at) {
    PersonReplica person = people.findShareLocked(personId).orElse(null);
    if (person == null || person.name() == null) {
      throw ProblemException.unprocessable(
          field, "officer " + personId + " is not known to personnel-service");
    }
    if (!person.active()) {
      throw ProblemException.unprocessable(
          field, "officer " + person.name() + " (" + personId + ") is no longer active");
    }
    DatedChanges<DutyStatus> timeline = intervals.of(person);
    DutyStatus status = timeline.at(at);
    if (status.keepsOffCases()) {
      String until = timeline.nextChangeAfter(at).map(next -> " until " + next.start()).orElse("");
      throw ProblemException.unprocessable(
          field,
          "officer "
              + person.name()
              + " ("
              + personId
              + ") is "
              + status
              + until
              + " and cannot be assigned");
    }
    return person;
  }
}
