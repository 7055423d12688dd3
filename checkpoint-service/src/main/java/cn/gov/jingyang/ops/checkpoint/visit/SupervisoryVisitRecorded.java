package cn.gov.jingyang.ops.checkpoint.visit;

import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A supervisory visit was recorded; {@code visitor} is the leader's display name, {@code leaderId}
 * their personnel id (null for people from other agencies, who carry {@code leaderAgency}).
 */
public record SupervisoryVisitRecorded(
    UUID visitId,
    UUID checkpointId,
    String checkpointCode,
    UUID leaderId,
    String visitor,
    String leaderAgency,
    OffsetDateTime visitedAt,
    String findings,
    String instructions,
    String recordedBy)
    implements CheckpointEvent {

  static SupervisoryVisitRecorded of(SupervisoryVisit visit, String checkpointCode) {
    VisitingLeader leader = visit.leader();
    return new SupervisoryVisitRecorded(
        visit.id(),
        visit.checkpointId(),
        checkpointCode,
        leader.personId(),
        leader.name(),
        leader.agency(),
        visit.visitedAt(),
        visit.findings(),
        visit.instructions(),
        visit.recordedBy());
  }
}
