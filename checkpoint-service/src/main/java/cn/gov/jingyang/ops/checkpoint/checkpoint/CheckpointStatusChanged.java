package cn.gov.jingyang.ops.checkpoint.checkpoint;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A checkpoint went from one status to another. */
public record CheckpointStatusChanged(
    UUID checkpointId,
    String code,
    CheckpointStatus previousStatus,
    CheckpointStatus status,
    OffsetDateTime effectiveAt,
    String reason,
    String changedBy)
    implements CheckpointEvent {}
