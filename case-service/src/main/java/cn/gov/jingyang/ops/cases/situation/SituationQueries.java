package cn.gov.jingyang.ops.cases.situation;

import cn.gov.jingyang.ops.cases.casefile.CaseKind;
import cn.gov.jingyang.ops.cases.casefile.CaseStatus;
import cn.gov.jingyang.ops.cases.verification.CoverageResource.StationCoverageView;
import cn.gov.jingyang.ops.cases.verification.TaskQueries;
import cn.gov.jingyang.ops.cases.verification.TaskQueries.Counts;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The day's case figures by indexed ranges ({@code reported_at}, {@code closed_at}) and grouped
 * counts; verification coverage is household verification's own per-station count.
 */
@ApplicationScoped
public class SituationQueries {

  private final EntityManager em;
  private final TaskQueries tasks;

  public SituationQueries(EntityManager em, TaskQueries tasks) {
    this.em = em;
    this.tasks = tasks;
  }

  @Transactional
  public CaseSituation of(LocalDate day) {
    OffsetDateTime start = OffsetDateTime.ofInstant(DistrictDays.startOf(day), ZoneOffset.UTC);
    OffsetDateTime end =
        OffsetDateTime.ofInstant(DistrictDays.startOf(day.plusDays(1)), ZoneOffset.UTC);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<StationCoverageView> stations =
        tasks.perStation(Optional.empty(), now).stream()
            .map(
                s -> {
                  Counts c = s.counts();
                  return new StationCoverageView(
                      s.stationUnitId(),
                      s.code(),
                      s.name(),
                      c.total(),
                      c.done(),
                      c.open(),
                      c.overdue(),
                      c.unreachable(),
                      c.unroutable());
                })
            .toList();
    return new CaseSituation(
        day,
        kinds(
            "select kind, count(*) from case_file where reported_at >= ?1 and reported_at < ?2"
                + " group by kind",
            start,
            end),
        kinds(
            "select kind, count(*) from case_file where closed_at >= ?1 and closed_at < ?2"
                + " group by kind",
            start,
            end),
        counted(
            em.createNativeQuery("select status, count(*) from case_file group by status")
                .getResultList(),
            CaseStatus.class,
            CaseStatus::valueOf),
        new CaseSituation.Verification(now, stations));
  }

  private CaseSituation.KindCounts kinds(String sql, OffsetDateTime start, OffsetDateTime end) {
    List<?> rows =
        em.createNativeQuery(sql).setParameter(1, start).setParameter(2, end).getResultList();
    Map<CaseKind, Long> byKind = counted(rows, CaseKind.class, CaseKind::valueOf);
    long total = byKind.values().stream().mapToLong(Long::longValue).sum();
    return new CaseSituation.KindCounts(total, byKind);
  }

  /** Every constant of the enum, with the count its row gave (0 without one). */
  private static <E extends Enum<E>> Map<E, Long> counted(
      List<?> rows, Class<E> type, Function<String, E> parse) {
    Map<E, Long> out = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      out.put(e, 0L);
    }
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      out.put(parse.apply((String) r[0]), ((Number) r[1]).longValue());
    }
    return out;
  }
}
