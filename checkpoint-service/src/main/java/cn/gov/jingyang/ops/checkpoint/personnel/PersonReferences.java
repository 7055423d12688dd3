package cn.gov.jingyang.ops.checkpoint.personnel;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Checks a personnel id another record refers to (a visiting leader, a supervising leader) against
 * the person replica: the person must be known — registered by personnel-service, so with a name —
 * and active. Otherwise a 422 naming the request field that carried the id.
 */
@ApplicationScoped
public class PersonReferences {

  private final PersonReplicaRepository people;

  public PersonReferences(PersonReplicaRepository people) {
    this.people = people;
  }

  /** The referenced person, known and active; else 422 naming {@code field}. */
  public PersonReplica requireActive(UUID personId, String field) {
    PersonReplica person = people.findById(personId);
    if (person == null || person.name() == null) {
      throw ProblemException.unprocessable(field, "no person with this id is known");
    }
    if (!person.active()) {
      throw ProblemException.unprocessable(field, "this person is no longer active");
    }
    return person;
  }
}
