package cn.gov.jingyang.ops.cases.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An officer (a person of personnel-service) was put on a case. */
public record CaseOfficerAssigned(
    UUID caseId,
    String number,
    UUID personId,
    String name,
    OffsetDateTime assignedAt,
    String assignedBy)
    implements CaseEvent {}
