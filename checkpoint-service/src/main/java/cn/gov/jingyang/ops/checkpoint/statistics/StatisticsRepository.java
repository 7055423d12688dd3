package cn.gov.jingyang.ops.checkpoint.statistics;

import cn.gov.jingyang.ops.checkpoint.inspection.Occupant;
import cn.gov.jingyang.ops.checkpoint.inspection.OccupantResult;
import cn.gov.jingyang.ops.platform.transaction.AtCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * daily_statistics: one row per checkpoint and day (Asia/Shanghai), incremented in the transaction
 * of every inspection insert (at its commit), so reading statistics never scans inspections.
 */
@ApplicationScoped
public class StatisticsRepository {

  private static final String COLUMNS =
      "sum(inspections), sum(vehicles), sum(persons), sum(flagged), sum(cleared), sum(referred_to_health),"
          + " sum(home_quarantine), sum(turned_back)";

  private final EntityManager em;
  private final AtCommit atCommit;

  public StatisticsRepository(EntityManager em, AtCommit atCommit) {
    this.em = em;
    this.atCommit = atCommit;
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
   * Adds inspections to their days at the commit of the caller's transaction, not now: the
   * increments of the whole transaction are merged and written in one statement (one upsert row per
   * checkpoint and day, in key order) at commit ({@link AtCommit.Order#EARLY}), before the outbox's
   * append. A day's row is the hottest row of the service (every inspection at a checkpoint that
   * day writes it), so its lock is held only from there to the commit, not while the rest of the
   * request — events, the idempotent response — is built. Not visible to a read in the same
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(List<DayIncrement> increments) {
    if (increments.isEmpty()) {
      return;
    }
    // EARLY: before the outbox's append, so every transaction takes a day's row before the append
    // lock (the order that cannot deadlock)
    DayTotals totals =
        atCommit.pending(
            DayTotals.class, AtCommit.Order.EARLY, "add to the daily statistics", DayTotals::new);
    for (DayIncrement i : increments) {
      totals.perDay.merge(List.of(i.checkpointId(), i.day()), i, DayIncrement::plus);
    }
  }

  /** The transaction's increments, merged per checkpoint and day in key order. */
  private static final class DayTotals implements AtCommit.Writes {

    private final Map<List<Object>, DayIncrement> perDay = new TreeMap<>(BY_KEY);

    @Override
    public void write(Connection c) throws SQLException {
      upsert(c, perDay.values());
    }
  }

  private static void upsert(Connection c, Collection<DayIncrement> rows) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "insert into daily_statistics as d (checkpoint_id, day, inspections, vehicles, persons,"
                + " flagged, cleared, referred_to_health, home_quarantine, turned_back) values ");
    for (int row = 0; row < rows.size(); row++) {
      sql.append(row == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
    try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
      int p = 0;
      for (DayIncrement i : rows) {
        insert.setObject(++p, i.checkpointId());
        insert.setObject(++p, i.day());
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
          insert.setLong(++p, v);
        }
      }
      insert.executeUpdate();
    }
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
