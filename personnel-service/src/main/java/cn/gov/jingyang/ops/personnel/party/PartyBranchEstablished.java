package cn.gov.jingyang.ops.personnel.party;

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
    implements PartyBranchEvent {

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
}
