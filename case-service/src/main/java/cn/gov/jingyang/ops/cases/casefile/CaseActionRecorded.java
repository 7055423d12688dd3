package cn.gov.jingyang.ops.cases.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An officer recorded an action in a case's timeline; ID numbers and phones in it masked. */
public record CaseActionRecorded(
    UUID caseId, String number, OffsetDateTime at, String author, String text)
    implements CaseEvent {}
