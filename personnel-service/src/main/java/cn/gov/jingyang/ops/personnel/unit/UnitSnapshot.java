package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.List;
import java.util.UUID;

/**
 * The whole current state of a unit, on the compacted topic {@code personnel.units.state} (key =
 * unit id): after it is created or its coverage changes, and when an operator republishes all.
 * {@code version} grows with every change: apply a snapshot only if it is newer.
 */
public record UnitSnapshot(
    UUID unitId,
    String code,
    String name,
    UnitKind kind,
    UUID parentId,
    List<CoveredTown> towns,
    long version)
    implements DomainEvent {

  public static UnitSnapshot of(Unit unit) {
    return new UnitSnapshot(
        unit.id(),
        unit.code(),
        unit.name(),
        unit.kind(),
        unit.parentId(),
        unit.towns(),
        unit.version());
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
