package cn.gov.jingyang.ops.personnel.fatigue;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** The duty tables: intervals, the duty days derived from them, rest days, streaks and alerts. */
@ApplicationScoped
public class DutyLedger {

  /** The open alert of a person. */
  public record OpenAlert(
      UUID id, LocalDate streakStartedOn, int daysAtRaise, OffsetDateTime raisedAt) {}

  private static final String ON_DUTY = "on-duty:";

  private final Session em;

  public DutyLedger(Session em) {
    this.em = em;
  }

  public boolean personExists(UUID personId) {
    return !em.createNativeQuery("select 1 from person where id = :id")
        .setParameter("id", personId)
        .getResultList()
        .isEmpty();
  }

  /**
   * Records a duty interval under its source (e.g. a shift). A final interval (the shift's actual
   * times) replaces a provisional one; a provisional one never overwrites a final one. Returns true
   * if anything changed.
   */
  public boolean recordInterval(
      UUID personId, String source, OffsetDateTime start, OffsetDateTime end, boolean fin) {
    return em.createNativeQuery(
                "insert into duty_interval (id, person_id, source, start_at, end_at, final) values (:id, :p, :s, :start, :end, :fin)"
                    + " on conflict (person_id, source) do update set start_at = excluded.start_at, end_at = excluded.end_at,"
                    + " final = excluded.final where (excluded.final or not duty_interval.final)"
                    + " and (duty_interval.start_at, duty_interval.end_at, duty_interval.final)"
                    + " is distinct from (excluded.start_at, excluded.end_at, excluded.final)")
            .setParameter("id", UUID.randomUUID())
            .setParameter("p", personId)
            .setParameter("s", source)
            .setParameter("start", start)
            .setParameter("end", end)
            .setParameter("fin", fin)
            .executeUpdate()
        > 0;
  }

  /** Source of the duty interval of a period ON_DUTY (duty status) begun at {@code start}. */
  static String onDutySource(OffsetDateTime start) {
    return ON_DUTY + start.toInstant();
  }

  /**
   * Closes the person's open ON_DUTY interval at {@code end} (final); one that would end before it
   * began is dropped. True if anything changed.
   */
  public boolean closeOnDuty(UUID personId, OffsetDateTime end) {
    int dropped =
        em.createNativeQuery(
                "delete from duty_interval where person_id = :p and source like :src and not final"
                    + " and start_at >= :end")
            .setParameter("p", personId)
            .setParameter("src", ON_DUTY + "%")
            .setParameter("end", end)
            .executeUpdate();
    int closed =
        em.createNativeQuery(
                "update duty_interval set end_at = :end, final = true where person_id = :p"
                    + " and source like :src and not final")
            .setParameter("p", personId)
            .setParameter("src", ON_DUTY + "%")
            .setParameter("end", end)
            .executeUpdate();
    return dropped + closed > 0;
  }

  /**
   * Extends every open ON_DUTY interval to {@code now} (the daily sweep: a person still ON_DUTY
   * worked today too); the people whose intervals grew.
   */
  @SuppressWarnings("unchecked")
  public List<UUID> extendOpenOnDuty(OffsetDateTime now) {
    return em.createNativeQuery(
            "update duty_interval set end_at = :now where source like :src and not final"
                + " and end_at < :now returning person_id")
        .setParameter("src", ON_DUTY + "%")
        .setParameter("now", now)
        .getResultList();
  }

  public List<FatigueMonitor.Interval> intervals(UUID personId) {
    List<Object[]> rows =
        em.createNativeQuery("select start_at, end_at from duty_interval where person_id = :p")
            .setParameter("p", personId)
            .getResultList();
    return rows.stream().map(r -> new FatigueMonitor.Interval(offset(r[0]), offset(r[1]))).toList();
  }

  /**
   * Makes the person's duty days those derived from all their intervals (writing only the
   * difference).
   */
  public void replaceDutyDays(UUID personId, Collection<LocalDate> days) {
    Set<LocalDate> stored = dutyDays(personId);
    for (LocalDate gone : stored) {
      if (!days.contains(gone)) {
        em.createNativeQuery("delete from duty_day where person_id = :p and day = :d")
            .setParameter("p", personId)
            .setParameter("d", gone)
            .executeUpdate();
      }
    }
    for (LocalDate day : days) {
      if (!stored.contains(day)) {
        em.createNativeQuery("insert into duty_day (person_id, day) values (:p, :d)")
            .setParameter("p", personId)
            .setParameter("d", day)
            .executeUpdate();
      }
    }
  }

  public Set<LocalDate> dutyDays(UUID personId) {
    return days("select day from duty_day where person_id = :p", personId);
  }

  public Set<LocalDate> restDays(UUID personId) {
    return days("select day from rest_day where person_id = :p", personId);
  }

  public boolean addRestDay(UUID personId, LocalDate day, String reason) {
    return em.createNativeQuery(
                "insert into rest_day (person_id, day, reason) values (:p, :d, :r) on conflict do nothing")
            .setParameter("p", personId)
            .setParameter("d", day)
            .setParameter("r", reason)
            .executeUpdate()
        > 0;
  }

  public void saveStreak(UUID personId, FatigueMonitor.Streak streak, LocalDate asOf) {
    em.createNativeQuery(
            "insert into duty_streak (person_id, days, started_on, as_of, updated_at) values (:p, :n, :s, :a, now())"
                + " on conflict (person_id) do update set days = excluded.days, started_on = excluded.started_on,"
                + " as_of = excluded.as_of, updated_at = now()")
        .setParameter("p", personId)
        .setParameter("n", streak.days())
        .setParameter("s", streak.startedOn(), LocalDate.class)
        .setParameter("a", asOf)
        .executeUpdate();
  }

  public OpenAlert openAlert(UUID personId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, streak_started_on, days_at_raise, raised_at from fatigue_alert"
                    + " where person_id = :p and cleared_at is null for update")
            .setParameter("p", personId)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = rows.get(0);
    return new OpenAlert((UUID) r[0], date(r[1]), ((Number) r[2]).intValue(), offset(r[3]));
  }

  public void insertAlert(
      UUID id, UUID personId, LocalDate streakStart, int days, OffsetDateTime at) {
    em.createNativeQuery(
            "insert into fatigue_alert (id, person_id, streak_started_on, days_at_raise, raised_at)"
                + " values (:id, :p, :s, :n, :at)")
        .setParameter("id", id)
        .setParameter("p", personId)
        .setParameter("s", streakStart)
        .setParameter("n", days)
        .setParameter("at", at)
        .executeUpdate();
  }

  public void clearAlert(UUID id, LocalDate restDay, OffsetDateTime at) {
    em.createNativeQuery(
            "update fatigue_alert set cleared_at = :at, cleared_by_rest_on = :d where id = :id")
        .setParameter("id", id)
        .setParameter("d", restDay, LocalDate.class)
        .setParameter("at", at)
        .executeUpdate();
  }

  /** People whose streak (kept up to date) is positive: the daily sweep re-evaluates them. */
  @SuppressWarnings("unchecked")
  public List<UUID> peopleWithStreakOrAlert() {
    return em.createNativeQuery(
            "select person_id from duty_streak where days > 0"
                + " union select person_id from fatigue_alert where cleared_at is null")
        .getResultList();
  }

  /** Locks the person's row so that two events for the same person evaluate one after the other. */
  public void lockPerson(UUID personId) {
    em.createNativeQuery("select id from person where id = :p for update")
        .setParameter("p", personId)
        .getResultList();
  }

  private Set<LocalDate> days(String sql, UUID personId) {
    List<?> rows = em.createNativeQuery(sql).setParameter("p", personId).getResultList();
    Set<LocalDate> out = new HashSet<>();
    rows.forEach(r -> out.add(date(r)));
    return out;
  }

  static LocalDate date(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
  }

  static OffsetDateTime offset(Object o) {
    if (o instanceof OffsetDateTime t) {
      return t;
    }
    if (o instanceof java.time.Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    if (o instanceof java.sql.Timestamp ts) {
      return ts.toInstant().atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("unexpected time value " + o);
  }
}
