package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.personnel.common.Flush;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UnitService {

  private final UnitRepository units;
  private final TownCoverage coverage;
  private final Outbox outbox;
  private final UnitStates states;

  public UnitService(
      UnitRepository units, TownCoverage coverage, Outbox outbox, UnitStates states) {
    this.states = states;
    this.units = units;
    this.coverage = coverage;
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
    Unit unit = new Unit(request.code(), request.name(), request.kind(), parent);
    List<CoveredTown> towns = List.of();
    if (request.towns() != null && !request.towns().isEmpty()) {
      unit.requireStation();
      towns = coverage.requireAll("towns", request.towns());
      coverage.refuseClaimedElsewhere(unit, towns);
      unit.cover(towns);
    }
    units.persist(unit);
    List<CoveredTown> claimed = towns;
    Flush.orRefuse(
        units::flush,
        Flush::changedMeanwhile,
        () ->
            claimed.isEmpty()
                ? ProblemException.conflict(
                    "duplicate-unit-code", "a unit with code " + request.code() + " exists")
                : TownCoverage.claimedMeanwhile(claimed));
    outbox.append(UnitRegistered.of(unit));
    if (!unit.towns().isEmpty()) {
      outbox.append(UnitCoverageChanged.of(unit, List.of()));
    }
    states.publish(unit);
    return unit;
  }

  @Transactional
  public Unit changeCoverage(UUID id, List<String> codesOrNames) {
    Unit unit = units.require(id);
    unit.requireStation();
    List<CoveredTown> towns = coverage.requireAll("towns", codesOrNames);
    coverage.refuseClaimedElsewhere(unit, towns);
    List<CoveredTown> before = unit.towns();
    if (unit.cover(towns)) {
      Flush.orRefuse(
          units::flush, Flush::changedMeanwhile, () -> TownCoverage.claimedMeanwhile(towns));
      outbox.append(UnitCoverageChanged.of(unit, before));
      states.publish(unit);
    }
    return unit;
  }

  /**
   * Moves a town to another station in one transaction: the station covering it now releases it and
   * {@code toUnitId} takes it, so the town is never without a primary station and never has two.
   * Publishes UnitCoverageChanged for both stations (only for the new one if nobody covered it).
   */
  @Transactional
  public Transfer transfer(String codeOrName, UUID toUnitId) {
    CoveredTown town = coverage.require("town", codeOrName);
    Unit to = units.requireReferenced("toUnitId", toUnitId);
    to.requireStation();
    if (to.covers(town.code())) {
      return new Transfer(town, null, to);
    }
    Unit from = units.primaryStationOf(town.code()).orElse(null);
    if (from != null) {
      List<CoveredTown> fromBefore = from.towns();
      from.cover(fromBefore.stream().filter(t -> !t.equals(town)).toList());
      // released rows first: the unique index must never see the town twice
      Flush.orRefuse(units::flush, Flush::changedMeanwhile, Flush::changedMeanwhile);
      outbox.append(UnitCoverageChanged.of(from, fromBefore));
      states.publish(from);
    }
    List<CoveredTown> toBefore = to.towns();
    List<CoveredTown> toAfter = new ArrayList<>(toBefore);
    toAfter.add(town);
    to.cover(toAfter);
    Flush.orRefuse(
        units::flush, Flush::changedMeanwhile, () -> TownCoverage.claimedMeanwhile(List.of(town)));
    outbox.append(UnitCoverageChanged.of(to, toBefore));
    states.publish(to);
    return new Transfer(town, from, to);
  }

  /** A town moved from one station (null if none covered it) to another. */
  public record Transfer(CoveredTown town, Unit from, Unit to) {}
}
