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

  /**
   * A person a record names: someone of this bureau by personnel id (known and active; the name is
   * personnel-service's), or someone of another agency by display name and agency (no id). Old
   * records may have a name only.
   *
   * @param personId personnel id; null for people of other agencies and old records
   * @param name display name, always present
   * @param agency the other agency; null for this bureau's people and old records
   */
  public record Reference(UUID personId, String name, String agency) {}

  /**
   * Resolves the request fields {@code <role>Id}, {@code <role>Name} and {@code <role>Agency}: with
   * an id, the person must be known and active and name and agency absent (a name is never silently
   * replaced); without one, name and agency are both required. 422 naming the field otherwise.
   */
  public Reference resolve(String role, UUID personId, String name, String agency) {
    if (personId != null) {
      if (present(name)) {
        throw ProblemException.unprocessable(
            role + "Name", "must be absent with " + role + "Id: the name comes from personnel");
      }
      if (present(agency)) {
        throw ProblemException.unprocessable(
            role + "Agency",
            "must be absent with " + role + "Id: a personnel id is of this bureau");
      }
      PersonReplica person = requireActive(personId, role + "Id");
      return new Reference(person.personId(), person.name(), null);
    }
    if (!present(name)) {
      throw ProblemException.unprocessable(
          role + "Name", "required without " + role + "Id (someone of another agency)");
    }
    if (!present(agency)) {
      throw ProblemException.unprocessable(
          role + "Agency", "required without " + role + "Id (someone of another agency)");
    }
    return new Reference(null, name.trim(), agency.trim());
  }

  /** As {@link #resolve}, but nobody named at all (no id, name or agency) is null. */
  public Reference resolveOptional(String role, UUID personId, String name, String agency) {
    if (personId == null && !present(name) && !present(agency)) {
      return null;
    }
    return resolve(role, personId, name, agency);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
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
