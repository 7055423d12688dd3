package cn.gov.jingyang.ops.personnel.party;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A party branch was dissolved (a temporary one when its checkpoint closed). */
public record PartyBranchDissolved(
    UUID branchId, BranchKind kind, UUID checkpointId, String reason, OffsetDateTime dissolvedAt)
    implements PartyBranchEvent {}
