package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, UUID> {

  public Unit require(UUID id) {
    return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("unit", id));
  }

  /** A unit referenced from a request body: unknown is 422 naming the field, not 404 of the URL. */
  public Unit requireReferenced(String field, UUID id) {
    return findByIdOptional(id)
        .orElseThrow(() -> ProblemException.unprocessable(field, "unit " + id + " does not exist"));
  }

  /**
   * The unit, its row locked until the transaction ends. The row is locked before the unit and its
   * towns are read, so a writer that waited for a concurrent one sees that writer's change.
   */
  public Unit requireLocked(UUID id) {
    if (lock(List.of(id)).isEmpty()) {
      throw ProblemException.notFound("unit", id);
    }
    return require(id);
  }

  /**
   * Locks the rows of these units until the transaction ends, in id order (two writers locking the
   * same units cannot deadlock); returns the ids that exist. Call before the units are read.
   */
  @SuppressWarnings("unchecked")
  public List<UUID> lock(Collection<UUID> ids) {
    return getEntityManager()
        .createNativeQuery("select id from unit where id in (:ids) order by id for update")
        .setParameter("ids", ids)
        .getResultList();
  }

  /** The id of the station covering a town now, read without loading (or caching) the unit. */
  @SuppressWarnings("unchecked")
  public Optional<UUID> stationIdOf(String townCode) {
    List<UUID> ids =
        getEntityManager()
            .createNativeQuery("select unit_id from station_town where town_code = :code")
            .setParameter("code", townCode)
            .getResultList();
    return ids.stream().findFirst();
  }

  public boolean codeTaken(String code) {
    return count("code", code) > 0;
  }

  /** The unit and all units below it. */
  @SuppressWarnings("unchecked")
  public List<UUID> selfAndDescendants(UUID root) {
    return getEntityManager()
        .createNativeQuery(
            "with recursive t(id) as (select id from unit where id = :root"
                + " union select u.id from unit u join t on u.parent_id = t.id) select id from t")
        .setParameter("root", root)
        .getResultList();
  }

  /** The stations covering a town by gazetteer code (at most one: its primary station). */
  public List<Unit> stationsCovering(String townCode) {
    return find("select u from Unit u join u.towns t where t.code = ?1 order by u.code", townCode)
        .list();
  }

  public Optional<Unit> primaryStationOf(String townCode) {
    return stationsCovering(townCode).stream().findFirst();
  }
}
