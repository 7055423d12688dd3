package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.personnel.unit.UnitRepository;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.transaction.Flush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Registering, updating and deactivating people; every change is an event in the same transaction.
 */
@ApplicationScoped
public class PersonService {

  private final PersonRepository people;
  private final UnitRepository units;
  private final Outbox outbox;
  private final PersonStates states;
  private final PersonalDataSealing sealing;

  public PersonService(
      PersonRepository people,
      UnitRepository units,
      Outbox outbox,
      PersonStates states,
      PersonalDataSealing sealing) {
    this.people = people;
    this.units = units;
    this.outbox = outbox;
    this.states = states;
    this.sealing = sealing;
  }

  @Transactional
  public Person register(PersonDetails details) {
    units.requireReferenced("unitId", details.unitId());
    requireFreeBadge(details, null);
    Person person = new Person(details, now());
    people.persist(person);
    flush();
    outbox.append(PersonRegistered.of(person, sealing));
    states.publish(person);
    return person;
  }

  @Transactional
  public Person update(UUID id, long expectedVersion, PersonDetails details) {
    Person person = people.require(id);
    if (person.version() != expectedVersion) {
      throw ProblemException.preconditionFailed(
          "person "
              + id
              + " is at version "
              + person.version()
              + ", not "
              + expectedVersion
              + "; read it again");
    }
    units.requireReferenced("unitId", details.unitId());
    requireFreeBadge(details, id);
    person.update(details);
    flush();
    outbox.append(PersonUpdated.of(person, sealing));
    states.publish(person);
    return person;
  }

  @Transactional
  public Person deactivate(UUID id, String reason) {
    Person person = people.require(id);
    person.deactivate(reason, now());
    flush();
    outbox.append(new PersonDeactivated(person.id(), reason, person.deactivatedAt()));
    states.publish(person);
    return person;
  }

  private void requireFreeBadge(PersonDetails details, UUID self) {
    if (people.badgeTakenByOther(details.badgeNumber(), self)) {
      throw duplicateBadge(details.badgeNumber());
    }
  }

  /**
   * A concurrent writer's change is 412 (the version read is stale), a badge taken meanwhile 409.
   */
  private void flush() {
    Flush.orRefuse(
        people::flush,
        () ->
            ProblemException.preconditionFailed("the person was changed meanwhile; read it again"),
        () -> duplicateBadge("given"));
  }

  private static ProblemException duplicateBadge(String badge) {
    return ProblemException.conflict(
        "duplicate-badge-number", "badge number " + badge + " is already registered");
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }
}
