package cn.gov.jingyang.ops.personnel.unit;

import java.util.List;
import java.util.UUID;

/**
 * The towns a police station covers changed: other services route town-based work with it, by the
 * towns' gazetteer codes.
 */
public record UnitCoverageChanged(
    UUID unitId,
    String code,
    String name,
    UUID parentId,
    List<CoveredTown> previousTowns,
    List<CoveredTown> towns)
    implements UnitEvent {

  static UnitCoverageChanged of(Unit unit, List<CoveredTown> previousTowns) {
    return new UnitCoverageChanged(
        unit.id(), unit.code(), unit.name(), unit.parentId(), previousTowns, unit.towns());
  }
}
