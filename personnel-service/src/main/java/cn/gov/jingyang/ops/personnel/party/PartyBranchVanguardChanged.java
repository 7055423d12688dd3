package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

/** A member of a branch joined (vanguard true) or left (false) its vanguard team. */
public record PartyBranchVanguardChanged(UUID branchId, UUID personId, boolean vanguard)
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
