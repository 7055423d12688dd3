package cn.gov.jingyang.ops.cases.personnel;

import cn.gov.jingyang.ops.platform.events.DatedChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The dated duty statuses of the replica's people, one row per DutyStatusChanged (keyed by person
 * and effectiveFrom: personnel-service never gives two changes of a person the same start), so a
 * redelivered, re-published or late change lands on its own row whatever the delivery order.
 */
@ApplicationScoped
public class DutyIntervals {

  private final EntityManager em;

  public DutyIntervals(EntityManager em) {
    this.em = em;
  }

  /** Records (or, delivered again, re-records) one dated change; call with the person locked. */
  public void record(UUID personId, DutyStatus status, OffsetDateTime from, OffsetDateTime until) {
    em.createNativeQuery(
            "insert into person_duty_interval (person_id, effective_from, until, status)"
                + " values (?1, ?2, ?3, ?4) on conflict (person_id, effective_from)"
                + " do update set until = excluded.until, status = excluded.status")
        .setParameter(1, personId)
        .setParameter(2, from)
        .setParameter(3, until)
        .setParameter(4, status.name())
        .executeUpdate();
  }

  /**
   * The person's time line (contracts/README.md): where no change holds, AVAILABLE (the status as
   * registered) once any change is known, else the last person snapshot's status.
   */
  public DatedChanges<DutyStatus> of(PersonReplica person) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select status, effective_from, until from person_duty_interval"
                    + " where person_id = ?1 order by effective_from")
            .setParameter(1, person.personId())
            .getResultList();
    List<DatedChanges.Change<DutyStatus>> changes =
        rows.stream()
            .map(
                r ->
                    new DatedChanges.Change<>(
                        DutyStatus.valueOf((String) r[0]), time(r[1]), time(r[2])))
            .toList();
    return new DatedChanges<>(
        changes, changes.isEmpty() ? person.dutyStatus() : DutyStatus.AVAILABLE);
  }

  private static OffsetDateTime time(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    if (value instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
  }
}
