package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DeploymentRepository implements PanacheRepositoryBase<Deployment, UUID> {

  /** Which deployments: those current on the day, those over by then, or all. */
  public enum When {
    CURRENT,
    PAST,
    ALL
  }

  public Deployment require(UUID id) {
    return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("deployment", id));
  }

  public PanacheQuery<Deployment> search(UUID unitId, UUID personId, When when, LocalDate today) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (unitId != null) {
      where.add("(fromUnitId = :unit or toUnitId = :unit)");
      params.put("unit", unitId);
    }
    if (personId != null) {
      where.add(":person member of members");
      params.put("person", personId);
    }
    if (when == When.CURRENT) {
      where.add(
          "startsOn <= :today and (endedOn is null or endedOn > :today) and (endsOn is null or endsOn >= :today)");
      params.put("today", today);
    } else if (when == When.PAST) {
      where.add(
          "((endedOn is not null and endedOn <= :today) or (endsOn is not null and endsOn < :today))");
      params.put("today", today);
    }
    return find(String.join(" and ", where), Sort.descending("startsOn").and("id"), params);
  }
}
