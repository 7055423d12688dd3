package cn.gov.jingyang.ops.personnel.unit;

import java.util.UUID;

/**
 * A unit was created in the unit tree (any kind, with or without towns). The towns a police station
 * covers follow in UnitCoverageChanged, in the same transaction.
 */
public record UnitRegistered(UUID unitId, String code, String name, UnitKind kind, UUID parentId)
    implements UnitEvent {

  static UnitRegistered of(Unit unit) {
    return new UnitRegistered(unit.id(), unit.code(), unit.name(), unit.kind(), unit.parentId());
  }
}
