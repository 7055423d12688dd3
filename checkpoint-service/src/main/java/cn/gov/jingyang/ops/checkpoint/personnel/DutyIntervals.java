package cn.gov.jingyang.ops.checkpoint.personnel;

import cn.gov.jingyang.ops.platform.events.DatedChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The dated duty statuses of the replica's people, one row per DutyStatusChanged (keyed by person
 * and effectiveFrom: personnel-service never gives two changes of a person the same start), so a
 * redelivered or late event lands on the same row.
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
            "insert into personnel_duty_interval (person_id, effective_from, until, status)"
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
   * registered) once any change is known, else {@code statusWithoutChanges} (the last snapshot's).
   */
  public DatedChanges<DutyStatus> of(UUID personId, DutyStatus statusWithoutChanges) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select status, effective_from, until from personnel_duty_interval"
                    + " where person_id = ?1 order by effective_from")
            .setParameter(1, personId)
            .getResultList();
    List<DatedChanges.Change<DutyStatus>> changes =
        rows.stream()
            .map(
                r ->
                    new DatedChanges.Change<>(
                        DutyStatus.valueOf((String) r[0]), time(r[1]), time(r[2])))
            .toList();
    return new DatedChanges<>(
        changes, changes.isEmpty() ? statusWithoutChanges : DutyStatus.AVAILABLE);
  }

  private static OffsetDateTime time(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime t) {
      return t;
    }
    if (value instanceof java.time.Instant i) {
      return i.atOffset(java.time.ZoneOffset.UTC);
    }
    return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
  }
}
