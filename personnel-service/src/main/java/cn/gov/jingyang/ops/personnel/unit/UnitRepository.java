package cn.gov.jingyang.ops.personnel.unit;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
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
