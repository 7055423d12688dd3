package cn.gov.jingyang.ops.cases.verification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class VerificationTaskRepository implements PanacheRepositoryBase<VerificationTask, UUID> {

  /** The task, locked until the transaction ends. */
  public Optional<VerificationTask> findLocked(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * The open task of a person (by the lookup of their ID number), locked: at most one exists (a
   * unique partial index says so).
   */
  public Optional<VerificationTask> openOfPersonLocked(String idNumberLookup) {
    return find("idNumberLookup = ?1 and status <> ?2", idNumberLookup, TaskStatus.COMPLETED)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }

  /** The task a source (by its unique key) already belongs to. */
  public Optional<VerificationTask> ofSource(String sourceKey) {
    return getEntityManager()
        .createQuery(
            "select s.task from TaskSource s where s.sourceKey = :key", VerificationTask.class)
        .setParameter("key", sourceKey)
        .getResultStream()
        .findFirst();
  }

  /** A task {@link #moveOpenOfTown} moved, with the station it left (null: the district queue). */
  public record Moved(UUID id, UUID from) {}

  /**
   * Moves the open tasks of a town not yet at {@code station} (null: the district queue) there, in
   * one statement, locking them in id order; an escalation starts afresh ({@link
   * VerificationTask#routeTo}) and each version advances. Bypasses the persistence context: the
   * caller has none of these tasks loaded.
   */
  public List<Moved> moveOpenOfTown(String townCode, UUID station) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "update verification_task t set station_unit_id = cast(nullif(:station, '') as uuid),"
                    + " escalated_to_unit_id = null, escalated_at = null, escalation_reason = null,"
                    + " version = t.version + 1"
                    + " from (select id, station_unit_id from verification_task"
                    + " where town_code = :town and status <> 'COMPLETED'"
                    + " and station_unit_id is distinct from cast(nullif(:station, '') as uuid)"
                    + " order by id for update) moved"
                    + " where t.id = moved.id returning t.id, moved.station_unit_id")
            .setParameter("town", townCode)
            .setParameter("station", station == null ? "" : station.toString())
            .getResultList();
    return rows.stream().map(r -> new Moved((UUID) r[0], (UUID) r[1])).toList();
  }

  /**
   * Open tasks at a station with a known parent, not escalated yet, UNREACHABLE since or due before
   * {@code cutoff}; locked, most overdue first.
   */
  public List<VerificationTask> escalationCandidates(OffsetDateTime cutoff, int limit) {
    return getEntityManager()
        .createQuery(
            "from VerificationTask t where t.status <> :done and t.escalatedAt is null"
                + " and (t.dueAt <= :cutoff or (t.status = :unreachable"
                + " and t.unreachableSince <= :cutoff)) and exists (select 1 from RoutingUnit u"
                + " where u.unitId = t.stationUnitId and u.parentId is not null)"
                + " order by t.dueAt",
            VerificationTask.class)
        .setParameter("done", TaskStatus.COMPLETED)
        .setParameter("unreachable", TaskStatus.UNREACHABLE)
        .setParameter("cutoff", cutoff)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setMaxResults(limit)
        .getResultList();
  }
}
