package cn.gov.jingyang.ops.personnel.party;

import java.util.UUID;

/** A member of a branch joined (vanguard true) or left (false) its vanguard team. */
public record PartyBranchVanguardChanged(UUID branchId, UUID personId, boolean vanguard)
    implements PartyBranchEvent {}
