package cn.gov.jingyang.ops.checkpoint.statistics;

import cn.gov.jingyang.ops.checkpoint.inspection.Occupant;
import cn.gov.jingyang.ops.checkpoint.inspection.OccupantResult;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** What a set of inspections adds to one checkpoint's day. */
  public record DayIncrement(
      UUID checkpointId,
      LocalDate day,
      long inspections,
      long vehicles,
      long persons,
      long flagged,
      long cleared,
      long referredToHealth,
      long homeQuarantine,
      long turnedBack) {

    /** One inspection's part. */
    public static DayIncrement of(
        UUID checkpointId, LocalDate day, boolean vehicle, List<Occupant> occupants) {
      return new DayIncrement(
          checkpointId,
          day,
          1,
          vehicle ? 1 : 0,
          occupants.size(),
          occupants.stream().filter(Occupant::flagged).count(),
          count(occupants, OccupantResult.CLEARED),
          count(occupants, OccupantResult.REFERRED_TO_HEALTH),
          count(occupants, OccupantResult.HOME_QUARANTINE),
          count(occupants, OccupantResult.TURNED_BACK));
    }

    DayIncrement plus(DayIncrement o) {
      return new DayIncrement(
          checkpointId,
          day,
          inspections + o.inspections,
          vehicles + o.vehicles,
          persons + o.persons,
          flagged + o.flagged,
          cleared + o.cleared,
          referredToHealth + o.referredToHealth,
          homeQuarantine + o.homeQuarantine,
          turnedBack + o.turnedBack);
    }
  }

  /**
   * Adds a batch's inspections in one statement: one upsert row per checkpoint and day, in key
   * order (so concurrent batches lock the rows they share in the same order).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void addAll(List<DayIncrement> increments) {
    Map<List<Object>, DayIncrement> perDay = new TreeMap<>(BY_KEY);
    for (DayIncrement i : increments) {
      perDay.merge(List.of(i.checkpointId(), i.day()), i, DayIncrement::plus);
    }
    if (perDay.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "insert into daily_statistics as d (checkpoint_id, day, inspections, vehicles, persons,"
                + " flagged, cleared, referred_to_health, home_quarantine, turned_back) values ");
    int p = 0;
    for (int row = 0; row < perDay.size(); row++) {
      sql.append(row == 0 ? "" : ", ").append('(');
      for (int c = 0; c < 10; c++) {
        sql.append(c == 0 ? "" : ", ").append('?').append(++p);
      }
      sql.append(')');
    }
    sql.append(
        " on conflict (checkpoint_id, day) do update set"
            + " inspections = d.inspections + excluded.inspections,"
            + " vehicles = d.vehicles + excluded.vehicles,"
            + " persons = d.persons + excluded.persons, flagged = d.flagged + excluded.flagged,"
            + " cleared = d.cleared + excluded.cleared,"
            + " referred_to_health = d.referred_to_health + excluded.referred_to_health,"
            + " home_quarantine = d.home_quarantine + excluded.home_quarantine,"
            + " turned_back = d.turned_back + excluded.turned_back");
    var query = em.createNativeQuery(sql.toString());
    p = 0;
    for (DayIncrement i : perDay.values()) {
      query.setParameter(++p, i.checkpointId());
      query.setParameter(++p, i.day());
      for (long v :
          new long[] {
            i.inspections(),
            i.vehicles(),
            i.persons(),
            i.flagged(),
            i.cleared(),
            i.referredToHealth(),
            i.homeQuarantine(),
            i.turnedBack()
          }) {
        query.setParameter(++p, v);
      }
    }
    query.executeUpdate();
  }

  private static final Comparator<List<Object>> BY_KEY =
      Comparator.<List<Object>, UUID>comparing(k -> (UUID) k.get(0))
          .thenComparing(k -> (LocalDate) k.get(1));

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
