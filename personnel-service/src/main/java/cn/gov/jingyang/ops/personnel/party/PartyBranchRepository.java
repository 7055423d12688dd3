package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PartyBranchRepository implements PanacheRepositoryBase<PartyBranch, UUID> {

  public PartyBranch require(UUID id) {
    return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("party branch", id));
  }

  public PanacheQuery<PartyBranch> search(
      UUID checkpointId, BranchKind kind, boolean includeDissolved) {
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (checkpointId != null) {
      where.add("checkpointId = :cp");
      params.put("cp", checkpointId);
    }
    if (kind != null) {
      where.add("kind = :kind");
      params.put("kind", kind);
    }
    if (!includeDissolved) {
      where.add("dissolvedAt is null");
    }
    return find(String.join(" and ", where), Sort.by("name").and("id"), params);
  }

  public List<PartyBranch> activeTemporaryOf(UUID checkpointId) {
    return list(
        "checkpointId = ?1 and kind = ?2 and dissolvedAt is null",
        checkpointId,
        BranchKind.TEMPORARY);
  }
}
