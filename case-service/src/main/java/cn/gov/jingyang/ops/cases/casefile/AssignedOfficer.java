package cn.gov.jingyang.ops.cases.casefile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An officer on the case (a person known to personnel-service), since when and by whom. */
public record AssignedOfficer(
    UUID personId, String name, OffsetDateTime assignedAt, String assignedBy) {}
