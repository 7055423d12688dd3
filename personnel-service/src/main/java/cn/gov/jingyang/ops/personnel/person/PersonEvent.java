package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

/**
 * An event of a Person: the Person is its aggregate and personId the key (so events of one Person
 * keep their order). Event records implement this instead of repeating the two methods.
 */
public interface PersonEvent extends DomainEvent {

  UUID personId();

  @Override
  default String aggregateType() {
    return "Person";
  }

  @Override
  default String aggregateId() {
    return personId().toString();
  }
}
