package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

/** A member left a branch (and with it its vanguard team). */
public record PartyBranchMemberRemoved(UUID branchId, UUID personId) implements DomainEvent {

  @Override
  public String aggregateType() {
    return "PartyBranch";
  }

  @Override
  public String aggregateId() {
    return branchId.toString();
  }
}
