package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lists of tasks and coverage counts, in SQL over verification_task itself: the numbers are a
 * direct count, never a separately maintained counter.
 */
@ApplicationScoped
public class TaskQueries {

  /** Counts of one scope of tasks. */
  public record Counts(
      long total, long done, long open, long overdue, long unreachable, long unroutable) {}

  /** Counts of the tasks at one station; stationUnitId null: the district queue. */
  public record StationCounts(UUID stationUnitId, String code, String name, Counts counts) {}

  private static final String COUNTS =
      "count(*), count(*) filter (where t.status = 'COMPLETED'),"
          + " count(*) filter (where t.status <> 'COMPLETED'),"
          + " count(*) filter (where t.status <> 'COMPLETED' and t.due_at < :now),"
          + " count(*) filter (where t.status = 'UNREACHABLE'),"
          + " count(*) filter (where t.status <> 'COMPLETED' and t.station_unit_id is null)";

  private final EntityManager em;

  public TaskQueries(EntityManager em) {
    this.em = em;
  }

  public Page<VerificationTask> list(
      TaskFilter filter, Optional<UUID> scope, OffsetDateTime now, PageRequest page) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(filter, scope, now, params);
    Query count = em.createNativeQuery("select count(*) from verification_task t" + where);
    params.forEach(count::setParameter);
    long total = ((Number) count.getSingleResult()).longValue();
    Query ids =
        em.createNativeQuery(
            "select t.id from verification_task t"
                + where
                + " order by t.due_at, t.id offset :offset limit :limit");
    params.forEach(ids::setParameter);
    ids.setParameter("offset", page.offset()).setParameter("limit", page.size());
    @SuppressWarnings("unchecked")
    List<UUID> rows = ids.getResultList();
    List<VerificationTask> tasks = new ArrayList<>();
    for (UUID id : rows) {
      tasks.add(em.find(VerificationTask.class, id));
    }
    return Page.of(tasks, page, total);
  }

  public Counts counts(TaskFilter filter, Optional<UUID> scope, OffsetDateTime now) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("now", now);
    String where = where(filter, scope, now, params);
    Query q = em.createNativeQuery("select " + COUNTS + " from verification_task t" + where);
    params.forEach(q::setParameter);
    return counts((Object[]) q.getSingleResult(), 0);
  }

  /** One row per station holding tasks (and one for the district queue), by station code. */
  /** Stations a per-station answer lists at most (a district has a few dozen). */
  public static final int MAX_STATIONS = 1000;

  public List<StationCounts> perStation(Optional<UUID> scope, OffsetDateTime now) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("now", now);
    String where = where(new TaskFilter(null, null, null, null, null, null), scope, now, params);
    // counted per station first, then the few dozen result rows joined to their unit: joining
    // every task row before grouping took twice as long (docs/BENCHMARKS.md, P6)
    Query q =
        em.createNativeQuery(
            "select c.station_unit_id, u.code, u.name, c.total, c.completed, c.open, c.overdue,"
                + " c.unreachable, c.unrouted from (select t.station_unit_id, "
                + COUNTS
                + " from verification_task t"
                + where
                + " group by t.station_unit_id) c (station_unit_id, total, completed, open,"
                + " overdue, unreachable, unrouted)"
                + " left join routing_unit u on u.unit_id = c.station_unit_id"
                + " order by u.code nulls first limit "
                + MAX_STATIONS);
    params.forEach(q::setParameter);
    List<StationCounts> out = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      out.add(new StationCounts((UUID) r[0], (String) r[1], (String) r[2], counts(r, 3)));
    }
    return out;
  }

  private static Counts counts(Object[] r, int from) {
    return new Counts(
        n(r[from]), n(r[from + 1]), n(r[from + 2]), n(r[from + 3]), n(r[from + 4]), n(r[from + 5]));
  }

  private static long n(Object value) {
    return ((Number) value).longValue();
  }

  private static String where(
      TaskFilter f, Optional<UUID> scope, OffsetDateTime now, Map<String, Object> params) {
    List<String> where = new ArrayList<>();
    scope.ifPresent(
        unit -> {
          where.add("(t.station_unit_id = :scope or t.escalated_to_unit_id = :scope)");
          params.put("scope", unit);
        });
    if (f.status() != null) {
      where.add("t.status = :status");
      params.put("status", f.status().name());
    }
    if (f.station() != null) {
      where.add("t.station_unit_id = :station");
      params.put("station", f.station());
    }
    if (f.townCode() != null) {
      where.add("t.town_code = :town");
      params.put("town", f.townCode());
    }
    if (f.source() != null) {
      where.add(
          "exists (select 1 from verification_task_source s where s.task_id = t.id"
              + " and s.kind = :source)");
      params.put("source", f.source().name());
    }
    if (f.batch() != null) {
      where.add(
          "exists (select 1 from verification_task_source s where s.task_id = t.id"
              + " and s.batch_id = :batch)");
      params.put("batch", f.batch());
    }
    if (f.overdue() != null) {
      where.add(
          f.overdue()
              ? "(t.status <> 'COMPLETED' and t.due_at < :now)"
              : "not (t.status <> 'COMPLETED' and t.due_at < :now)");
      params.put("now", now);
    }
    return where.isEmpty() ? "" : " where " + String.join(" and ", where);
  }
}
