package cn.gov.jingyang.ops.personnel.duty;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DutyStatusChangeRepository implements PanacheRepositoryBase<DutyStatusChange, UUID> {

  public PanacheQuery<DutyStatusChange> historyOf(UUID personId) {
    return find("personId", Sort.descending("effectiveFrom", "recordedAt"), personId);
  }

  /** Every dated change of the person, as a time line. */
  public DutyTimeline timelineOf(UUID personId) {
    List<DutyTimeline.Entry> entries =
        list("personId", Sort.ascending("effectiveFrom", "recordedAt"), personId).stream()
            .map(DutyStatusChange::asEntry)
            .toList();
    return new DutyTimeline(entries);
  }
}
