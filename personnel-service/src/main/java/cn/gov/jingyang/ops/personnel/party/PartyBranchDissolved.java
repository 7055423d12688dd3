package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A party branch was dissolved (a temporary one when its checkpoint closed). */
public record PartyBranchDissolved(
    UUID branchId, BranchKind kind, UUID checkpointId, String reason, OffsetDateTime dissolvedAt)
    implements DomainEvent {

  @Override
  public String aggregateType() {
    return "PartyBranch";
  }

  @Override
  public String aggregateId() {
    return branchId.toString();
  }
}
