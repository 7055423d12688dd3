package cn.gov.jingyang.ops.personnel.person;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person left active service; never hard-deleted. */
public record PersonDeactivated(UUID personId, String reason, OffsetDateTime deactivatedAt)
    implements PersonEvent {}
