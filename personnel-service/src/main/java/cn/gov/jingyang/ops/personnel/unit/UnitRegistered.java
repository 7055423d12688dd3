package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

/**
 * A unit was created in the unit tree (any kind, with or without towns). The towns a police station
 * covers follow in UnitCoverageChanged, in the same transaction.
 */
public record UnitRegistered(UUID unitId, String code, String name, UnitKind kind, UUID parentId)
    implements DomainEvent {

  static UnitRegistered of(Unit unit) {
    return new UnitRegistered(unit.id(), unit.code(), unit.name(), unit.kind(), unit.parentId());
  }

  @Override
  public String aggregateType() {
    return "Unit";
  }

  @Override
  public String aggregateId() {
    return unitId.toString();
  }
}
