package cn.gov.jingyang.ops.personnel.fatigue;

import cn.gov.jingyang.ops.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;

/** Read side of fatigue: who is at or near the threshold, and one person's standing. */
@ApplicationScoped
public class FatigueQueries {

  @Schema(description = "A person's consecutive duty days and fatigue alert")
  public record FatigueStanding(
      @Schema(description = "Person id") UUID personId,
      @Schema(description = "Name", example = "張偉", maxLength = 100) String name,
      @Schema(description = "Unit") UUID unitId,
      @Schema(description = "Consecutive duty days without a rest day", example = "8")
          int consecutiveDutyDays,
      @Schema(description = "First day of the streak", example = "2020-01-25")
          LocalDate streakStartedOn,
      @Schema(description = "Day the streak was computed for", example = "2020-02-01")
          LocalDate asOf,
      @Schema(description = "Threshold in days", example = "7") int thresholdDays,
      @Schema(description = "An alert is open for this streak", example = "true") boolean alertOpen,
      @Schema(description = "When the open alert was raised") OffsetDateTime alertRaisedAt) {}

  private static final String SELECT =
      "select p.id, p.name, p.unit_id, coalesce(s.days, 0), s.started_on, s.as_of, a.raised_at"
          + " from person p left join duty_streak s on s.person_id = p.id"
          + " left join fatigue_alert a on a.person_id = p.id and a.cleared_at is null ";

  private final Session em;
  private final FatigueService fatigue;

  public FatigueQueries(Session em, FatigueService fatigue) {
    this.em = em;
    this.fatigue = fatigue;
  }

  public FatigueStanding of(UUID personId) {
    List<Object[]> rows =
        em.createNativeQuery(SELECT + "where p.id = :p")
            .setParameter("p", personId)
            .getResultList();
    return rows.isEmpty() ? null : standing(rows.get(0));
  }

  /** People with an open alert or a streak of at least {@code minDays}, longest streak first. */
  public List<FatigueStanding> atOrNear(int minDays, PageRequest page) {
    List<Object[]> rows =
        em.createNativeQuery(
                SELECT
                    + "where p.active and (a.id is not null or s.days >= :min)"
                    + " order by coalesce(s.days, 0) desc, p.name, p.id")
            .setParameter("min", minDays)
            .setFirstResult(page.offset())
            .setMaxResults(page.size())
            .getResultList();
    return rows.stream().map(this::standing).toList();
  }

  public long countAtOrNear(int minDays) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from person p left join duty_streak s on s.person_id = p.id"
                        + " left join fatigue_alert a on a.person_id = p.id and a.cleared_at is null"
                        + " where p.active and (a.id is not null or s.days >= :min)")
                .setParameter("min", minDays)
                .getSingleResult())
        .longValue();
  }

  public List<LocalDate> dutyDays(UUID personId, int limit) {
    List<?> rows =
        em.createNativeQuery(
                "select day from duty_day where person_id = :p order by day desc limit :n")
            .setParameter("p", personId)
            .setParameter("n", limit)
            .getResultList();
    return rows.stream().map(DutyLedger::date).toList();
  }

  private FatigueStanding standing(Object[] r) {
    return new FatigueStanding(
        (UUID) r[0],
        (String) r[1],
        (UUID) r[2],
        ((Number) r[3]).intValue(),
        DutyLedger.date(r[4]),
        DutyLedger.date(r[5]),
        fatigue.monitor().thresholdDays(),
        r[6] != null,
        r[6] == null ? null : DutyLedger.offset(r[6]));
  }
}
