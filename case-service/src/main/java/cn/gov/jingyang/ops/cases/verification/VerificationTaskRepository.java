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

  /** The open task of a person, locked: at most one exists (a unique partial index says so). */
  public Optional<VerificationTask> openOfPersonLocked(String idNumber) {
    return find("idNumber = ?1 and status <> ?2", idNumber, TaskStatus.COMPLETED)
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

  /** Open tasks of a town not yet at the given station, locked. */
  public List<VerificationTask> openOfTownElsewhereLocked(String townCode, UUID station) {
    return find(
            "townCode = ?1 and status <> ?2 and (stationUnitId is null or stationUnitId <> ?3)",
            townCode,
            TaskStatus.COMPLETED,
            station)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
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
