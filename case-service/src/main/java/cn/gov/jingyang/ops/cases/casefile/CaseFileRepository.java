package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.paging.LikePattern;
import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseFileRepository implements PanacheRepositoryBase<CaseFile, UUID> {

  /** What a case list may be filtered by; null means any. */
  public record Filter(
      CaseKind kind,
      CaseStatus status,
      UUID leadUnitId,
      UUID officerId,
      OffsetDateTime reportedFrom,
      OffsetDateTime reportedBefore,
      String text) {}

  public CaseFile require(UUID id) {
    return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("case", id));
  }

  /** The case, locked until the transaction ends, so concurrent changes see each other. */
  public CaseFile requireLocked(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("case", id));
  }

  public Optional<CaseFile> findByLinkedTask(UUID taskId) {
    return find("linkedTaskId", taskId).firstResultOptional();
  }

  /** Newest report first, of the cases within {@code reach} (empty: all). */
  @SuppressWarnings("unchecked")
  public Page<CaseFile> search(Filter f, Optional<CaseScope.Reach> reach, PageRequest page) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    reach.ifPresent(r -> where.add(within(r, params)));
    if (f.kind() != null) {
      where.add("kind = :kind");
      params.put("kind", f.kind().name());
    }
    if (f.status() != null) {
      where.add("status = :status");
      params.put("status", f.status().name());
    }
    if (f.leadUnitId() != null) {
      where.add("lead_unit_id = :unit");
      params.put("unit", f.leadUnitId());
    }
    if (f.officerId() != null) {
      where.add("officers @> cast(:officer as jsonb)");
      params.put("officer", officerJson(f.officerId()));
    }
    if (f.reportedFrom() != null) {
      where.add("reported_at >= :from");
      params.put("from", f.reportedFrom());
    }
    if (f.reportedBefore() != null) {
      where.add("reported_at < :before");
      params.put("before", f.reportedBefore());
    }
    if (f.text() != null && !f.text().isBlank()) {
      where.add(
          "(number ilike :text escape '\\' or summary ilike :text escape '\\'"
              + " or coalesce(address, '') ilike :text escape '\\'"
              + " or coalesce(town_name, '') ilike :text escape '\\')");
      params.put("text", LikePattern.containing(f.text().strip()));
    }
    String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    Query rows =
        getEntityManager()
            .createNativeQuery(
                "select * from case_file" + clause + " order by reported_at desc, number desc",
                CaseFile.class);
    Query count = getEntityManager().createNativeQuery("select count(*) from case_file" + clause);
    params.forEach(
        (k, v) -> {
          rows.setParameter(k, v);
          count.setParameter(k, v);
        });
    List<CaseFile> items =
        rows.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    return Page.of(items, page, ((Number) count.getSingleResult()).longValue());
  }

  /** Led by the reach's unit or with its officer on the case; neither known: no case. */
  private static String within(CaseScope.Reach r, Map<String, Object> params) {
    List<String> any = new ArrayList<>();
    r.unit()
        .ifPresent(
            u -> {
              any.add("lead_unit_id = :reachUnit");
              params.put("reachUnit", u);
            });
    r.officer()
        .ifPresent(
            p -> {
              any.add("officers @> cast(:reachOfficer as jsonb)");
              params.put("reachOfficer", officerJson(p));
            });
    return any.isEmpty() ? "false" : "(" + String.join(" or ", any) + ")";
  }

  private static String officerJson(UUID personId) {
    return "[{\"personId\":\"" + personId + "\"}]";
  }
}
