package cn.gov.jingyang.ops.personnel.state;

import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.personnel.person.PersonStates;
import cn.gov.jingyang.ops.personnel.unit.UnitRepository;
import cn.gov.jingyang.ops.personnel.unit.UnitStates;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Publishes the current snapshot of every person and every unit on the state topics, in one
 * transaction: for the people and units recorded before the state topics existed, or to refill a
 * state topic that was lost. Consumers apply a snapshot only if it is newer than the one they hold,
 * so republishing changes nothing for a replica that is up to date.
 */
@ApplicationScoped
public class StateRepublication {

  /** How many snapshots were appended. */
  public record Republished(long people, long units) {}

  private final PersonRepository people;
  private final UnitRepository units;
  private final PersonStates personStates;
  private final UnitStates unitStates;

  public StateRepublication(
      PersonRepository people,
      UnitRepository units,
      PersonStates personStates,
      UnitStates unitStates) {
    this.people = people;
    this.units = units;
    this.personStates = personStates;
    this.unitStates = unitStates;
  }

  @Transactional
  public Republished republishAll() {
    long unitCount = 0;
    for (var unit : units.listAll(Sort.by("id"))) {
      unitStates.publish(unit);
      unitCount++;
    }
    long personCount = 0;
    for (var person : people.listAll(Sort.by("id"))) {
      personStates.publish(person);
      personCount++;
    }
    return new Republished(personCount, unitCount);
  }
}
