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

  private static final OffsetDateTime LONG_AGO = OffsetDateTime.parse("1970-01-01T00:00:00Z");

  /**
   * What a person snapshot says of the duty status: since when, and until when it holds (null: no
   * end known).
   */
  public record SnapshotStatus(DutyStatus status, OffsetDateTime since, OffsetDateTime until) {}

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
   * registered) once any change is known; while none is known, what the last snapshot says — its
   * status up to its {@code until}, AVAILABLE after it (a snapshot can overtake its dated change:
   * they travel on different topics), or for good when it names no end.
   */
  public DatedChanges<DutyStatus> of(UUID personId, SnapshotStatus snapshot) {
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
    if (!changes.isEmpty()) {
      return new DatedChanges<>(changes, DutyStatus.AVAILABLE);
    }
    if (snapshot.until() == null) {
      return new DatedChanges<>(List.of(), snapshot.status());
    }
    OffsetDateTime since = snapshot.since() == null ? LONG_AGO : snapshot.since();
    return new DatedChanges<>(
        List.of(new DatedChanges.Change<>(snapshot.status(), since, snapshot.until())),
        DutyStatus.AVAILABLE);
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
