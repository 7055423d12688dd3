package cn.gov.jingyang.ops.personnel.party;

import java.time.LocalDate;
import java.util.UUID;

/** A party member joined a branch (vanguard: also its vanguard team, 黨員先鋒隊). */
public record PartyBranchMemberAdded(
    UUID branchId, UUID personId, boolean vanguard, LocalDate joinedOn)
    implements PartyBranchEvent {}
