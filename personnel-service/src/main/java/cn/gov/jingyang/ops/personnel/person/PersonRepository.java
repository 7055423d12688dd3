package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.personnel.duty.DutyStatus;
import cn.gov.jingyang.ops.personnel.party.PartyStatus;
import cn.gov.jingyang.ops.platform.paging.LikePattern;
import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

  /** The filters of GET /people; null means "any". */
  public record Filter(
      List<UUID> unitIds,
      PersonCategory category,
      DutyStatus dutyStatus,
      PartyStatus partyStatus,
      String text,
      Boolean active) {}

  public Person require(UUID id) {
    return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("person", id));
  }

  /**
   * The person, the row locked until the transaction ends: of two writers that read the same
   * version, the second waits and then sees the first one's change. Call before the person is read.
   */
  public Person requireLocked(UUID id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("person", id));
  }

  /** A person referenced from a request body: unknown is 422 naming the field. */
  public Person requireReferenced(String field, UUID id) {
    return findByIdOptional(id)
        .orElseThrow(
            () -> ProblemException.unprocessable(field, "person " + id + " does not exist"));
  }

  public boolean badgeTakenByOther(String badgeNumber, UUID self) {
    if (badgeNumber == null || badgeNumber.isBlank()) {
      return false;
    }
    return self == null
        ? count("badgeNumber", badgeNumber.trim()) > 0
        : count("badgeNumber = ?1 and id <> ?2", badgeNumber.trim(), self) > 0;
  }

  public PanacheQuery<Person> search(Filter f, PageRequest page) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (f.unitIds() != null) {
      where.add("unitId in :units");
      params.put("units", f.unitIds());
    }
    if (f.category() != null) {
      where.add("category = :category");
      params.put("category", f.category());
    }
    if (f.dutyStatus() != null) {
      where.add("dutyStatus = :duty");
      params.put("duty", f.dutyStatus());
    }
    if (f.partyStatus() != null) {
      where.add("partyStatus = :party");
      params.put("party", f.partyStatus());
    }
    if (f.active() != null) {
      where.add("active = :active");
      params.put("active", f.active());
    }
    if (f.text() != null && !f.text().isBlank()) {
      where.add(
          "(lower(name) like :text "
              + LikePattern.ESCAPE
              + " or lower(badgeNumber) like :text "
              + LikePattern.ESCAPE
              + ")");
      params.put("text", LikePattern.containing(f.text().trim().toLowerCase()));
    }
    String query = where.isEmpty() ? "" : String.join(" and ", where);
    return find(query, Sort.by("name").and("id"), params).page(page.panache());
  }
}
