package cn.gov.jingyang.ops.checkpoint.checkpoint;

import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CheckpointRepository implements PanacheRepositoryBase<Checkpoint, UUID> {

  public Checkpoint require(UUID id) {
    return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("checkpoint", id));
  }

  /**
   * The checkpoint, locked until the transaction ends, so concurrent edits see each other's
   * version.
   */
  public Checkpoint requireLocked(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("checkpoint", id));
  }

  public Optional<Checkpoint> findByCode(String code) {
    return find("code", code.trim()).firstResultOptional();
  }

  public Page<Checkpoint> search(
      CheckpointStatus status, String town, CheckpointKind kind, PageRequest page) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    if (status != null) {
      where.add("status = :status");
      params.and("status", status);
    }
    if (town != null && !town.isBlank()) {
      where.add("town = :town");
      params.and("town", town.trim());
    }
    if (kind != null) {
      where.add("kind = :kind");
      params.and("kind", kind);
    }
    PanacheQuery<Checkpoint> q =
        where.isEmpty()
            ? findAll(Sort.by("code"))
            : find(String.join(" and ", where), Sort.by("code"), params);
    return new Page<>(q.page(page.panache()).list(), page.page(), page.size(), q.count());
  }
}
