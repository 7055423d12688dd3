package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.transaction.Flush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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

  /**
   * Replaces a station's towns if it is still at the version the caller read (412 otherwise): the
   * row is locked first, so of two writers that read the same version exactly one succeeds.
   */
  @Transactional
  public Unit changeCoverage(UUID id, long expectedVersion, List<String> codesOrNames) {
    Unit unit = units.requireLocked(id);
    requireVersion(unit, expectedVersion);
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
   *
   * <p>Two preconditions, both 412 when they fail: the receiving station is still at {@code
   * expectedToVersion} (the If-Match of the request), and the town is still covered by {@code
   * expectedFromUnitId} (null: by no station), as the caller read it. The releasing station's other
   * towns may have changed meanwhile: the transfer only takes this town from it. Both rows are
   * locked (in id order) before anything is read.
   */
  @Transactional
  public Transfer transfer(
      String codeOrName, UUID toUnitId, long expectedToVersion, UUID expectedFromUnitId) {
    CoveredTown town = coverage.require("town", codeOrName);
    Set<UUID> involved = new HashSet<>();
    involved.add(toUnitId);
    if (expectedFromUnitId != null) {
      involved.add(expectedFromUnitId);
    }
    if (!units.lock(involved).contains(toUnitId)) {
      throw ProblemException.unprocessable("toUnitId", "unit " + toUnitId + " does not exist");
    }
    Unit to = units.require(toUnitId);
    requireVersion(to, expectedToVersion);
    UUID current = units.stationIdOf(town.code()).orElse(null);
    if (!Objects.equals(current, expectedFromUnitId)) {
      throw ProblemException.preconditionFailed(
          town.name()
              + " ("
              + town.code()
              + ") is covered by "
              + (current == null ? "no station" : "unit " + current)
              + ", not by "
              + (expectedFromUnitId == null ? "no station" : "unit " + expectedFromUnitId)
              + " as fromUnitId says; read GET /units/coverage?town= again");
    }
    to.requireStation();
    if (to.covers(town.code())) {
      return new Transfer(town, null, to);
    }
    Unit from = current == null ? null : units.require(current);
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
    // a station claiming the uncovered town meanwhile: the caller's reading is stale
    Flush.orRefuse(units::flush, Flush::changedMeanwhile, () -> claimedMeanwhile(town));
    outbox.append(UnitCoverageChanged.of(to, toBefore));
    states.publish(to);
    return new Transfer(town, from, to);
  }

  private static void requireVersion(Unit unit, long expectedVersion) {
    if (unit.version() != expectedVersion) {
      throw ProblemException.preconditionFailed(
          "unit "
              + unit.code()
              + " is at version "
              + unit.version()
              + ", not "
              + expectedVersion
              + "; read it again (GET /units/"
              + unit.id()
              + ")");
    }
  }

  private static ProblemException claimedMeanwhile(CoveredTown town) {
    return ProblemException.preconditionFailed(
        "another station claimed "
            + town.name()
            + " ("
            + town.code()
            + ") meanwhile; read GET /units/coverage?town= again");
  }

  /** A town moved from one station (null if none covered it) to another. */
  public record Transfer(CoveredTown town, Unit from, Unit to) {}
}
