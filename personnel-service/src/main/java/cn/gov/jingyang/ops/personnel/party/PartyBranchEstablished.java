package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.LocalDate;
import java.util.UUID;

/** A party branch was established (a temporary one at a checkpoint). */
public record PartyBranchEstablished(
    UUID branchId,
    String name,
    BranchKind kind,
    UUID unitId,
    UUID checkpointId,
    UUID secretaryId,
    LocalDate establishedOn,
    LocalDate flagPresentedOn)
    implements DomainEvent {

  static PartyBranchEstablished of(PartyBranch b) {
    return new PartyBranchEstablished(
        b.id(),
        b.name(),
        b.kind(),
        b.unitId(),
        b.checkpointId(),
        b.secretaryId(),
        b.establishedOn(),
        b.flagPresentedOn());
  }

  @Override
  public String aggregateType() {
    return "PartyBranch";
  }

  @Override
  public String aggregateId() {
    return branchId.toString();
  }
}
