package cn.gov.jingyang.ops.personnel.party;

import java.util.UUID;

/** A member left a branch (and with it its vanguard team). */
public record PartyBranchMemberRemoved(UUID branchId, UUID personId) implements PartyBranchEvent {}
