package cn.gov.jingyang.ops.cases.personnel;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Decides whether a person may be assigned to a case, from the replica: known (registered by
 * personnel-service, so with a name), active, and not SICK, INJURED or ON_LEAVE at the time.
 * Otherwise a 422 naming the request field that carried the id and the person.
 */
@ApplicationScoped
public class AssignableOfficers {

  private final PersonReplicaRepository people;

  public AssignableOfficers(PersonReplicaRepository people) {
    this.people = people;
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
    DutyStatus status = person.statusAt(at);
    if (status.keepsOffCases()) {
      throw ProblemException.unprocessable(
          field,
          "officer "
              + person.name()
              + " ("
              + personId
              + ") is "
              + status
              + " and cannot be assigned");
    }
    return person;
  }
}
