package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.personnel.common.Flush;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UnitService {

  private final UnitRepository units;
  private final Outbox outbox;

  public UnitService(UnitRepository units, Outbox outbox) {
    this.units = units;
    this.outbox = outbox;
  }

  @Transactional
  public Unit create(UnitApi.CreateUnit request) {
    if (units.codeTaken(request.code())) {
      throw ProblemException.conflict(
          "duplicate-unit-code", "a unit with code " + request.code() + " exists");
    }
    Unit parent =
        request.parentId() == null ? null : units.requireReferenced("parentId", request.parentId());
    Unit unit = new Unit(request.code(), request.name(), request.kind(), parent, request.towns());
    units.persist(unit);
    Flush.orRefuse(
        units::flush,
        Flush::changedMeanwhile,
        () ->
            ProblemException.conflict(
                "duplicate-unit-code", "a unit with code " + request.code() + " exists"));
    outbox.append(UnitRegistered.of(unit));
    if (!unit.towns().isEmpty()) {
      outbox.append(UnitCoverageChanged.of(unit, List.of()));
    }
    return unit;
  }

  @Transactional
  public Unit changeCoverage(UUID id, List<String> towns) {
    Unit unit = units.require(id);
    List<String> before = unit.towns();
    if (unit.cover(towns)) {
      Flush.orRefuse(units::flush, Flush::changedMeanwhile, Flush::changedMeanwhile);
      outbox.append(UnitCoverageChanged.of(unit, before));
    }
    return unit;
  }
}
