package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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

  /** The deployment, locked for update until the transaction ends. */
  public Deployment requireLocked(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("deployment", id));
  }

  /**
   * Deployments from or to a unit (any of its targets), to a checkpoint, of a person; current, past
   * or all.
   */
  public PanacheQuery<Deployment> search(
      UUID unitId, UUID checkpointId, UUID personId, When when, LocalDate today) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (unitId != null) {
      where.add(
          "(d.fromUnitId = :unit or exists (select 1 from Deployment d2 join d2.targets t"
              + " where d2 = d and t.kind = :unitKind and t.targetId = :unit))");
      params.put("unit", unitId);
      params.put("unitKind", DeploymentTarget.Kind.UNIT);
    }
    if (checkpointId != null) {
      where.add(
          "exists (select 1 from Deployment d3 join d3.targets c"
              + " where d3 = d and c.kind = :cpKind and c.targetId = :checkpoint)");
      params.put("checkpoint", checkpointId);
      params.put("cpKind", DeploymentTarget.Kind.CHECKPOINT);
    }
    if (personId != null) {
      where.add(":person member of d.members");
      params.put("person", personId);
    }
    if (when == When.CURRENT) {
      where.add(
          "d.startsOn <= :today and (d.endedOn is null or d.endedOn > :today)"
              + " and (d.endsOn is null or d.endsOn >= :today)");
      params.put("today", today);
    } else if (when == When.PAST) {
      where.add(
          "((d.endedOn is not null and d.endedOn <= :today)"
              + " or (d.endsOn is not null and d.endsOn < :today))");
      params.put("today", today);
    }
    String query =
        "from Deployment d" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
    return find(query, Sort.descending("d.startsOn").and("d.id"), params);
  }
}
