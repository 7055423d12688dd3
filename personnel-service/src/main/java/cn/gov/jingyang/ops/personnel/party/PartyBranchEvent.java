package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

/**
 * An event of a PartyBranch: the PartyBranch is its aggregate and branchId the key (so events of
 * one PartyBranch keep their order). Event records implement this instead of repeating the two
 * methods.
 */
public interface PartyBranchEvent extends DomainEvent {

  UUID branchId();

  @Override
  default String aggregateType() {
    return "PartyBranch";
  }

  @Override
  default String aggregateId() {
    return branchId().toString();
  }
}
