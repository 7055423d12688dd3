package cn.gov.jingyang.ops.checkpoint.personnel;

import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PersonReplicaRepository implements PanacheRepositoryBase<PersonReplica, UUID> {

  /** The person, locked for the event's transaction; created if first heard of. */
  public PersonReplica lockOrCreate(UUID personId) {
    getEntityManager()
        .createNativeQuery(
            "insert into personnel_replica (person_id, duty_status, active, updated_at) "
                + "values (?1, 'AVAILABLE', true, now()) on conflict (person_id) do nothing")
        .setParameter(1, personId)
        .executeUpdate();
    return findById(personId, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * The person, share-locked until the transaction ends: a duty-status change (which locks the row
   * for update) waits for a shift change that read the person AVAILABLE, and then sees that shift.
   */
  public java.util.Optional<PersonReplica> findShareLocked(UUID personId) {
    return findByIdOptional(personId, LockModeType.PESSIMISTIC_READ);
  }

  /**
   * The people that exist, share-locked in ascending id order (the order every other locker of
   * several replica rows uses), so a duty-status change waits for the scheduling transaction and
   * then sees its shift — or the scheduling reads the status the change committed.
   */
  public Map<UUID, PersonReplica> shareLockAll(Collection<UUID> personIds) {
    Map<UUID, PersonReplica> found = new HashMap<>();
    personIds.stream()
        .distinct()
        .sorted()
        .forEach(id -> findShareLocked(id).ifPresent(p -> found.put(id, p)));
    return found;
  }

  public Page<PersonReplica> search(DutyStatus status, UUID unitId, PageRequest page) {
    PanacheQuery<PersonReplica> q;
    Sort sort = Sort.by("name").and("personId");
    if (status != null && unitId != null) {
      q = find("dutyStatus = ?1 and unitId = ?2", sort, status, unitId);
    } else if (status != null) {
      q = find("dutyStatus", sort, status);
    } else if (unitId != null) {
      q = find("unitId", sort, unitId);
    } else {
      q = findAll(sort);
    }
    return new Page<>(q.page(page.panache()).list(), page.page(), page.size(), q.count());
  }
}
