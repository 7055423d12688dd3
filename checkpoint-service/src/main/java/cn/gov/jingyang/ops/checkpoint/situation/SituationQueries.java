package cn.gov.jingyang.ops.checkpoint.situation;

import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The day's figures from aggregates: {@code daily_statistics} (one row per checkpoint and day, kept
 * by every inspection insert; index on day) and the checkpoints' operating windows; only the
 * figures per hour count the day's inspections themselves (index on inspected_at).
 */
@ApplicationScoped
public class SituationQueries {

  private final EntityManager em;

  public SituationQueries(EntityManager em) {
    this.em = em;
  }

  public CheckpointSituation of(LocalDate day) {
    return new CheckpointSituation(day, checkpointsActive(day), inspected(day), perHour(day));
  }

  /** Records and flagged persons per Asia/Shanghai hour of the day, all 24 hours. */
  List<CheckpointSituation.Hour> perHour(LocalDate day) {
    long[] inspections = new long[24];
    long[] flagged = new long[24];
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select cast(extract(hour from inspected_at at time zone 'Asia/Shanghai') as int),"
                    + " count(*), coalesce(sum(flagged_count), 0) from inspection"
                    + " where inspected_at >= ?1 and inspected_at < ?2 group by 1")
            .setParameter(1, OffsetDateTime.ofInstant(DistrictDays.startOf(day), ZoneOffset.UTC))
            .setParameter(
                2, OffsetDateTime.ofInstant(DistrictDays.startOf(day.plusDays(1)), ZoneOffset.UTC))
            .getResultList();
    for (Object[] r : rows) {
      int hour = ((Number) r[0]).intValue();
      inspections[hour] = n(r[1]);
      flagged[hour] = n(r[2]);
    }
    List<CheckpointSituation.Hour> hours = new ArrayList<>(24);
    for (int hour = 0; hour < 24; hour++) {
      hours.add(new CheckpointSituation.Hour(hour, inspections[hour], flagged[hour]));
    }
    return hours;
  }

  /** Checkpoints with an ACTIVE window overlapping the day [start, next start). */
  long checkpointsActive(LocalDate day) {
    OffsetDateTime start = OffsetDateTime.ofInstant(DistrictDays.startOf(day), ZoneOffset.UTC);
    OffsetDateTime end =
        OffsetDateTime.ofInstant(DistrictDays.startOf(day.plusDays(1)), ZoneOffset.UTC);
    return ((Number)
            em.createNativeQuery(
                    "select count(distinct checkpoint_id) from checkpoint_history"
                        + " where kind = 'STATUS' and status = 'ACTIVE' and valid_from < ?2"
                        + " and (valid_to is null or valid_to > ?1)")
                .setParameter(1, start)
                .setParameter(2, end)
                .getSingleResult())
        .longValue();
  }

  CheckpointSituation.Inspected inspected(LocalDate day) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select coalesce(sum(inspections), 0), coalesce(sum(vehicles), 0),"
                        + " coalesce(sum(persons), 0), coalesce(sum(flagged), 0),"
                        + " coalesce(sum(cleared), 0), coalesce(sum(referred_to_health), 0),"
                        + " coalesce(sum(home_quarantine), 0), coalesce(sum(turned_back), 0)"
                        + " from daily_statistics where day = ?1")
                .setParameter(1, day)
                .getSingleResult();
    return new CheckpointSituation.Inspected(
        n(r[0]),
        n(r[1]),
        n(r[2]),
        n(r[3]),
        new CheckpointSituation.Results(n(r[4]), n(r[5]), n(r[6]), n(r[7])));
  }

  private static long n(Object value) {
    return ((Number) value).longValue();
  }
}
