package cn.gov.jingyang.ops.checkpoint.visit;

import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<SupervisoryVisit, UUID> {

  /** Visits made in {@code [from, to)}, earliest first. */
  public List<SupervisoryVisit> between(OffsetDateTime from, OffsetDateTime to) {
    return list(
        "visitedAt >= ?1 and visitedAt < ?2", Sort.ascending("visitedAt").and("id"), from, to);
  }

  public Page<SupervisoryVisit> search(
      UUID checkpointId, LocalDate from, LocalDate to, PageRequest page) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    if (checkpointId != null) {
      where.add("checkpointId = :checkpoint");
      params.and("checkpoint", checkpointId);
    }
    if (from != null) {
      where.add("visitedAt >= :from");
      params.and("from", DistrictDays.startOf(from).atOffset(ZoneOffset.UTC));
    }
    if (to != null) {
      where.add("visitedAt < :to");
      params.and("to", DistrictDays.startOf(to.plusDays(1)).atOffset(ZoneOffset.UTC));
    }
    Sort sort = Sort.descending("visitedAt").and("id");
    PanacheQuery<SupervisoryVisit> q =
        where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
    return new Page<>(q.page(page.panache()).list(), page.page(), page.size(), q.count());
  }
}
