package cn.gov.jingyang.ops.checkpoint.shift;

import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import cn.gov.jingyang.ops.platform.transaction.TransactionLock;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ShiftRepository implements PanacheRepositoryBase<Shift, UUID> {

  public Shift require(UUID id) {
    return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("shift", id));
  }

  /**
   * The shift, locked until the transaction ends. The row is locked before the shift and its
   * members are read, so a caller that waited for a concurrent change sees that change (a locking
   * read joined to the members could return the new row with the old members).
   */
  public Shift requireLocked(UUID id) {
    boolean exists =
        !getEntityManager()
            .createNativeQuery("select id from shift where id = ?1 for update")
            .setParameter(1, id)
            .getResultList()
            .isEmpty();
    if (!exists) {
      throw ProblemException.notFound("shift", id);
    }
    return require(id);
  }

  /**
   * Serialises scheduling per person until the transaction ends, so two concurrent requests cannot
   * both find a person free. Locks are taken in a fixed order to avoid deadlocks.
   */
  public void lockPeople(Collection<UUID> personIds) {
    TransactionLock.takeAll(
        getEntityManager(), personIds.stream().map(id -> "shift-person:" + id).toList());
  }

  /**
   * (person, shift) pairs of the given people in shifts that are neither ended nor cancelled and
   * overlap [start, end).
   */
  @SuppressWarnings("unchecked")
  public List<Object[]> overlapping(
      Collection<UUID> personIds, OffsetDateTime start, OffsetDateTime end) {
    return getEntityManager()
        .createNativeQuery(
            "select m.person_id, s.id from shift s join shift_member m on m.shift_id = s.id "
                + "where m.person_id = any(?1) and s.status not in ('ENDED', 'CANCELLED') and s.starts_at < ?3 and s.ends_at > ?2 "
                + "order by m.person_id")
        .setParameter(1, personIds.toArray(UUID[]::new))
        .setParameter(2, start)
        .setParameter(3, end)
        .getResultList();
  }

  /** Not-yet-started shifts of a person that end after {@code after}, locked. */
  public List<Shift> futureShiftsOf(UUID personId, OffsetDateTime after) {
    return find(
            "select s from Shift s join s.members m where m.personId = ?1 and s.status in ?2 and s.endsAt > ?3",
            Sort.by("startsAt"),
            personId,
            List.of(ShiftStatus.SCHEDULED, ShiftStatus.UNDERSTAFFED),
            after)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  public Page<Shift> search(
      UUID checkpointId,
      UUID personId,
      ShiftStatus status,
      LocalDate from,
      LocalDate to,
      PageRequest page) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    if (checkpointId != null) {
      where.add("s.checkpointId = :checkpoint");
      params.and("checkpoint", checkpointId);
    }
    if (personId != null) {
      where.add(
          "exists (select 1 from Shift s2 join s2.members m where s2 = s and m.personId = :person)");
      params.and("person", personId);
    }
    if (status != null) {
      where.add("s.status = :status");
      params.and("status", status);
    }
    if (from != null) {
      where.add("s.endsAt > :from");
      params.and("from", DistrictDays.startOf(from).atOffset(ZoneOffset.UTC));
    }
    if (to != null) {
      where.add("s.startsAt < :to");
      params.and("to", DistrictDays.startOf(to.plusDays(1)).atOffset(ZoneOffset.UTC));
    }
    String query =
        "from Shift s" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
    PanacheQuery<Shift> q = find(query, Sort.by("s.startsAt").and("s.id"), params);
    return new Page<>(q.page(page.panache()).list(), page.page(), page.size(), q.count());
  }

  /**
   * Whether the person is a member of a shift at the checkpoint, not cancelled, that overlaps the
   * day (Asia/Shanghai): being on that day's shift there.
   */
  public boolean isOnShiftAt(UUID personId, UUID checkpointId, LocalDate day) {
    return !getEntityManager()
        .createQuery(
            "select s.id from Shift s join s.members m where s.checkpointId = :checkpoint"
                + " and m.personId = :person and s.status <> :cancelled"
                + " and s.startsAt < :dayEnd and s.endsAt > :dayStart",
            UUID.class)
        .setParameter("checkpoint", checkpointId)
        .setParameter("person", personId)
        .setParameter("cancelled", ShiftStatus.CANCELLED)
        .setParameter("dayStart", DistrictDays.startOf(day).atOffset(ZoneOffset.UTC))
        .setParameter("dayEnd", DistrictDays.startOf(day.plusDays(1)).atOffset(ZoneOffset.UTC))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
