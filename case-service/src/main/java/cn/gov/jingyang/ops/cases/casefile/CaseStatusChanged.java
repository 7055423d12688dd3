package cn.gov.jingyang.ops.cases.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A case moved along its lifecycle; legalBasis is set from a criminal filing on. */
public record CaseStatusChanged(
    UUID caseId,
    String number,
    CaseKind kind,
    CaseStatus previousStatus,
    CaseStatus status,
    String legalBasis,
    String note,
    OffsetDateTime changedAt,
    String changedBy)
    implements CaseEvent {}
