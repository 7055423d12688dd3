package cn.gov.jingyang.ops.cases.routing;

import cn.gov.jingyang.ops.platform.transaction.TransactionLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where household-verification work goes: town code → primary station, and each station's parent
 * (for escalation). Built from personnel.events only; the service never asks personnel-service.
 *
 * <p>A town's routing lock (transaction-scoped) orders the opening of its tasks with its moves: a
 * task opened while its town moves either is seen by the move, which takes it along, or sees the
 * move and is opened at the new station. Without it a task could read the old route and commit
 * after the move's update had passed — left behind at the old station (or in the district queue)
 * for good.
 */
@ApplicationScoped
public class RoutingTable {

  private final EntityManager em;
  private final Event<TownMoved> moves;

  public RoutingTable(EntityManager em, Event<TownMoved> moves) {
    this.em = em;
    this.moves = moves;
  }

  /**
   * The station covering a town, if any station does (null or unknown codes: none), read under the
   * town's routing lock, which the caller's transaction holds until it ends: the task it opens
   * there is moved along if the town moves next.
   */
  public Optional<UUID> stationFor(String townCode) {
    if (townCode == null) {
      return Optional.empty();
    }
    lockTowns(List.of(townCode));
    return Optional.ofNullable(em.find(TownRoute.class, townCode)).map(TownRoute::stationUnitId);
  }

  /**
   * Takes the routing locks of the towns until the transaction ends, in code order (so two
   * transactions that lock several towns never wait for each other in a circle). Callers that open
   * tasks set-based, like the provincial import, take them before reading the routes.
   */
  public void lockTowns(Collection<String> townCodes) {
    TransactionLock.takeAll(em, townCodes.stream().map(code -> "town-route:" + code).toList());
  }

  public Optional<RoutingUnit> unit(UUID unitId) {
    return Optional.ofNullable(em.find(RoutingUnit.class, unitId));
  }

  /** The unit above a station, where its overdue and unreachable work is escalated. */
  public Optional<UUID> parentOf(UUID stationUnitId) {
    return unit(stationUnitId).map(RoutingUnit::parentId);
  }

  void registered(UnitEvents.UnitRegistered data, OffsetDateTime at) {
    describe(data.unitId(), data.code(), data.name(), data.kind(), data.parentId(), at);
  }

  /**
   * Applies a station's coverage: towns it no longer lists stop pointing at it (unless another
   * station took them already); every town it lists points at it, and if it pointed elsewhere (or
   * nowhere) a {@link TownMoved} is fired, so open tasks move in this same transaction.
   */
  void coverageChanged(UnitEvents.UnitCoverageChanged data, OffsetDateTime at) {
    describe(data.unitId(), data.code(), data.name(), null, data.parentId(), at);
    List<UnitEvents.Town> towns = data.towns() == null ? List.of() : data.towns();
    Set<String> covered =
        towns.stream().map(UnitEvents.Town::code).collect(Collectors.toUnmodifiableSet());
    lockTowns(covered);
    em.createQuery(
            "delete from TownRoute r where r.stationUnitId = :station and r.townCode not in"
                + " :covered")
        .setParameter("station", data.unitId())
        .setParameter("covered", covered.isEmpty() ? Set.of("") : covered)
        .executeUpdate();
    for (UnitEvents.Town town : towns) {
      TownRoute route = em.find(TownRoute.class, town.code(), LockModeType.PESSIMISTIC_WRITE);
      UUID previous = route == null ? null : route.stationUnitId();
      if (route == null) {
        em.persist(TownRoute.of(town.code(), town.name(), data.unitId()));
      } else {
        route.moveTo(data.unitId(), town.name());
      }
      if (!data.unitId().equals(previous)) {
        em.flush();
        moves.fire(
            new TownMoved(
                town.code(),
                previous,
                data.unitId(),
                at,
                "coverage of " + data.code() + " changed"));
      }
    }
  }

  /** Creates or updates the unit (row locked), complete before it is first persisted. */
  private void describe(
      UUID unitId, String code, String name, String kind, UUID parentId, OffsetDateTime at) {
    RoutingUnit unit = em.find(RoutingUnit.class, unitId, LockModeType.PESSIMISTIC_WRITE);
    if (unit == null) {
      unit = RoutingUnit.of(unitId);
      unit.describe(code, name, kind, parentId, at);
      em.persist(unit);
    } else {
      unit.describe(code, name, kind, parentId, at);
    }
  }
}
