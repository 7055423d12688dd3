package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.personnel.person.PersonEvent;
import java.time.LocalDate;
import java.util.UUID;

/** A person submitted a written application to join the party (入黨申請書). */
public record PartyApplicationSubmitted(
    UUID applicationId, UUID personId, LocalDate submittedOn, UUID branchId)
    implements PersonEvent {}
