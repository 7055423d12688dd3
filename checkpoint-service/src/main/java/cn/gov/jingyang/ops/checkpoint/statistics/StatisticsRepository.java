package cn.gov.jingyang.ops.checkpoint.statistics;

import cn.gov.jingyang.ops.checkpoint.inspection.Occupant;
import cn.gov.jingyang.ops.checkpoint.inspection.OccupantResult;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * daily_statistics: one row per checkpoint and day (Asia/Shanghai), incremented in the transaction
 * of every inspection insert, so reading statistics never scans inspections.
 */
@ApplicationScoped
public class StatisticsRepository {

  private static final String COLUMNS =
      "sum(inspections), sum(vehicles), sum(persons), sum(flagged), sum(cleared), sum(referred_to_health),"
          + " sum(home_quarantine), sum(turned_back)";

  private final EntityManager em;

  public StatisticsRepository(EntityManager em) {
    this.em = em;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void add(
      UUID checkpointId, OffsetDateTime inspectedAt, boolean vehicle, List<Occupant> occupants) {
    em.createNativeQuery(
            "insert into daily_statistics as d (checkpoint_id, day, inspections, vehicles, persons, flagged,"
                + " cleared, referred_to_health, home_quarantine, turned_back)"
                + " values (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                + " on conflict (checkpoint_id, day) do update set"
                + " inspections = d.inspections + 1, vehicles = d.vehicles + excluded.vehicles,"
                + " persons = d.persons + excluded.persons, flagged = d.flagged + excluded.flagged,"
                + " cleared = d.cleared + excluded.cleared,"
                + " referred_to_health = d.referred_to_health + excluded.referred_to_health,"
                + " home_quarantine = d.home_quarantine + excluded.home_quarantine,"
                + " turned_back = d.turned_back + excluded.turned_back")
        .setParameter(1, checkpointId)
        .setParameter(2, DistrictDays.dayOf(inspectedAt))
        .setParameter(3, vehicle ? 1 : 0)
        .setParameter(4, occupants.size())
        .setParameter(5, occupants.stream().filter(Occupant::flagged).count())
        .setParameter(6, count(occupants, OccupantResult.CLEARED))
        .setParameter(7, count(occupants, OccupantResult.REFERRED_TO_HEALTH))
        .setParameter(8, count(occupants, OccupantResult.HOME_QUARANTINE))
        .setParameter(9, count(occupants, OccupantResult.TURNED_BACK))
        .executeUpdate();
  }

  /** Per day for one checkpoint, days without inspections left out. */
  @SuppressWarnings("unchecked")
  public List<StatisticsApi.DayFigures> daily(UUID checkpointId, LocalDate from, LocalDate to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select day, "
                    + COLUMNS
                    + " from daily_statistics where checkpoint_id = ?1"
                    + " and day between ?2 and ?3 group by day order by day")
            .setParameter(1, checkpointId)
            .setParameter(2, from)
            .setParameter(3, to)
            .getResultList();
    return rows.stream()
        .map(r -> new StatisticsApi.DayFigures(toDate(r[0]), figures(r, 1)))
        .toList();
  }

  /** Per checkpoint over the range, in code order. */
  @SuppressWarnings("unchecked")
  public List<StatisticsApi.CheckpointFigures> perCheckpoint(LocalDate from, LocalDate to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select c.id, c.code, c.name, "
                    + COLUMNS
                    + " from daily_statistics d join checkpoint c"
                    + " on c.id = d.checkpoint_id where d.day between ?1 and ?2 group by c.id, c.code, c.name order by c.code")
            .setParameter(1, from)
            .setParameter(2, to)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new StatisticsApi.CheckpointFigures(
                    (UUID) r[0], (String) r[1], (String) r[2], figures(r, 3)))
        .toList();
  }

  private static StatisticsApi.Figures figures(Object[] r, int o) {
    return new StatisticsApi.Figures(
        n(r[o]),
        n(r[o + 1]),
        n(r[o + 2]),
        n(r[o + 3]),
        n(r[o + 4]),
        n(r[o + 5]),
        n(r[o + 6]),
        n(r[o + 7]));
  }

  private static long n(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  private static long count(List<Occupant> occupants, OccupantResult result) {
    return occupants.stream().filter(o -> o.result() == result).count();
  }
}
