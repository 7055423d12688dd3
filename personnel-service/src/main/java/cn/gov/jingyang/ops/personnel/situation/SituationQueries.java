package cn.gov.jingyang.ops.personnel.situation;

import cn.gov.jingyang.ops.personnel.party.PartyRecords;
import cn.gov.jingyang.ops.platform.pii.PersonalDataViewer;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The day's figures. Duty status at an instant is the platform's dated-change rule (DutyTimeline)
 * in one query: per active person, of the changes holding then, the one that took effect last; none
 * holding means AVAILABLE. Fatigue alerts and party applications are read from their own tables by
 * indexed columns.
 */
@ApplicationScoped
public class SituationQueries {

  static final int MAX_PEOPLE = 200;

  private final Session em;
  private final PartyRecords party;

  public SituationQueries(Session em, PartyRecords party) {
    this.em = em;
    this.party = party;
  }

  @Transactional
  public PersonnelSituation of(LocalDate day, PersonalDataViewer viewer) {
    OffsetDateTime at = asOf(day, Instant.now());
    List<PersonnelSituation.AlertedPerson> alerted = alerted(at, viewer);
    return new PersonnelSituation(
        day,
        at,
        duty(at),
        new PersonnelSituation.FatigueAlerts(openAlerts(at), alerted),
        party.countApplications(day, day, null));
  }

  /** The end of a past day, now during the day, the start of a future day. */
  static OffsetDateTime asOf(LocalDate day, Instant now) {
    Instant start = DistrictDays.startOf(day);
    Instant last = DistrictDays.startOf(day.plusDays(1)).minusNanos(1000);
    Instant at = now.isBefore(start) ? start : now.isAfter(last) ? last : now;
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private PersonnelSituation.DutyCounts duty(OffsetDateTime at) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select s.status, count(*) from ("
                    + " select distinct on (c.person_id) c.person_id, c.status"
                    + " from duty_status_change c"
                    + " where c.effective_from <= :at and (c.until is null or c.until > :at)"
                    + " order by c.person_id, c.effective_from desc, c.recorded_at desc) s"
                    + " join person p on p.id = s.person_id and p.active group by s.status",
                Object[].class)
            .setParameter("at", at)
            .getResultList();
    long onDuty = 0, sick = 0, injured = 0, onLeave = 0;
    for (Object[] r : rows) {
      long n = ((Number) r[1]).longValue();
      switch ((String) r[0]) {
        case "ON_DUTY" -> onDuty = n;
        case "SICK" -> sick = n;
        case "INJURED" -> injured = n;
        case "ON_LEAVE" -> onLeave = n;
        default -> {}
      }
    }
    return new PersonnelSituation.DutyCounts(onDuty, sick, injured, onLeave);
  }

  private static final String OPEN_AT =
      " from fatigue_alert a join person p on p.id = a.person_id and p.active"
          + " where a.raised_at <= :at and (a.cleared_at is null or a.cleared_at > :at)";

  private long openAlerts(OffsetDateTime at) {
    return ((Number)
            em.createNativeQuery("select count(*)" + OPEN_AT)
                .setParameter("at", at)
                .getSingleResult())
        .longValue();
  }

  private List<PersonnelSituation.AlertedPerson> alerted(
      OffsetDateTime at, PersonalDataViewer viewer) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select p.id, p.name, p.unit_id, a.days_at_raise, a.streak_started_on, a.raised_at"
                    + OPEN_AT
                    + " order by a.streak_started_on, p.name, p.id",
                Object[].class)
            .setParameter("at", at)
            .setMaxResults(MAX_PEOPLE)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new PersonnelSituation.AlertedPerson(
                    (UUID) r[0],
                    viewer.text((String) r[1]),
                    (UUID) r[2],
                    ((Number) r[3]).intValue(),
                    date(r[4]),
                    offset(r[5])))
        .toList();
  }

  private static LocalDate date(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  private static OffsetDateTime offset(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    if (value instanceof Instant i) {
      return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    return OffsetDateTime.ofInstant(((java.sql.Timestamp) value).toInstant(), ZoneOffset.UTC);
  }
}
