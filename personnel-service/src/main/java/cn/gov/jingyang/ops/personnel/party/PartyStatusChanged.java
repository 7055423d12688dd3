package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.personnel.person.PersonEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's party status (or the date it holds since) changed. Becoming an APPLICANT also
 * publishes PartyApplicationSubmitted.
 */
public record PartyStatusChanged(
    UUID personId, PartyStatus previousStatus, PartyStatus status, LocalDate since)
    implements PersonEvent {}
