package cn.gov.jingyang.ops.personnel.duty;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DutyStatusChangeRepository implements PanacheRepositoryBase<DutyStatusChange, UUID> {

  public PanacheQuery<DutyStatusChange> historyOf(UUID personId) {
    return find("personId", Sort.descending("effectiveFrom", "recordedAt"), personId);
  }
}
