package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

/**
 * An event of a Unit: the Unit is its aggregate and unitId the key (so events of one Unit keep
 * their order). Event records implement this instead of repeating the two methods.
 */
public interface UnitEvent extends DomainEvent {

  UUID unitId();

  @Override
  default String aggregateType() {
    return "Unit";
  }

  @Override
  default String aggregateId() {
    return unitId().toString();
  }
}
