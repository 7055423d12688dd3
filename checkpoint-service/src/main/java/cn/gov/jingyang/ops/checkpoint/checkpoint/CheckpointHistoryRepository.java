package cn.gov.jingyang.ops.checkpoint.checkpoint;

import cn.gov.jingyang.ops.platform.paging.Page;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CheckpointHistoryRepository
    implements PanacheRepositoryBase<CheckpointHistoryEntry, Long> {

  /** A checkpoint's windows and lead agencies, oldest first (ties in the order recorded). */
  public Page<CheckpointHistoryEntry> of(UUID checkpointId, PageRequest page) {
    PanacheQuery<CheckpointHistoryEntry> q =
        find("checkpoint.id = ?1", Sort.by("validFrom").and("id"), checkpointId);
    return new Page<>(q.page(page.panache()).list(), page.page(), page.size(), q.count());
  }
}
