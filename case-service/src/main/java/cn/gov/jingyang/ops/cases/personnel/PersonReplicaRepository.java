package cn.gov.jingyang.ops.cases.personnel;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PersonReplicaRepository implements PanacheRepositoryBase<PersonReplica, UUID> {

  /** The person, locked for the event's transaction; created if first heard of. */
  public PersonReplica lockOrCreate(UUID personId) {
    getEntityManager()
        .createNativeQuery(
            "insert into person_replica (person_id, duty_status, active, updated_at) "
                + "values (?1, 'AVAILABLE', true, now()) on conflict (person_id) do nothing")
        .setParameter(1, personId)
        .executeUpdate();
    return findById(personId, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * The person, share-locked until the transaction ends: a duty-status change (which locks the row
   * for update) waits for an assignment that read the person available, and then follows it.
   */
  public Optional<PersonReplica> findShareLocked(UUID personId) {
    return findByIdOptional(personId, LockModeType.PESSIMISTIC_READ);
  }
}
