package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The task events, exactly as contracts/events/case/VerificationTask*.schema.json define them. ID
 * numbers are masked (510603********1234) and phones left out, on Kafka as in the feed.
 */
public final class VerificationTaskEvents {

  private VerificationTaskEvents() {}

  /** A VerificationTask event: the VerificationTask is its aggregate, taskId its key. */
  public interface VerificationTaskEvent extends DomainEvent {
    UUID taskId();

    @Override
    default String aggregateType() {
      return "VerificationTask";
    }

    @Override
    default String aggregateId() {
      return taskId().toString();
    }
  }

  /** A source of a task, as events show it. */
  public record Source(
      SourceKind kind, UUID inspectionId, UUID occupantId, String batchId, String detail) {
    static Source of(TaskSource s) {
      return new Source(s.kind(), s.inspectionId(), s.occupantId(), s.batchId(), s.detail());
    }
  }

  /** A new task, routed to its station (stationUnitId) or to the district queue (null). */
  public record VerificationTaskCreated(
      UUID taskId,
      String personName,
      String idNumber,
      String town,
      String townCode,
      UUID stationUnitId,
      boolean routed,
      Source source,
      OffsetDateTime dueAt,
      OffsetDateTime createdAt,
      String createdBy)
      implements VerificationTaskEvent {
    static VerificationTaskCreated of(VerificationTask t) {
      return new VerificationTaskCreated(
          t.id(),
          t.personName(),
          PersonalData.maskIdNumber(t.idNumber()),
          t.town(),
          t.townCode(),
          t.stationUnitId(),
          t.stationUnitId() != null,
          Source.of(t.sources().get(0)),
          t.dueAt(),
          t.createdAt(),
          t.createdBy());
    }
  }

  /** The same person was named again while the task was open: a source more, perhaps due sooner. */
  public record VerificationTaskSourceAdded(
      UUID taskId, Source source, OffsetDateTime dueAt, OffsetDateTime addedAt, String addedBy)
      implements VerificationTaskEvent {}

  /**
   * An open task moved station: the coverage of its town changed (routedBy null), or a
   * district-queue task (from null) was routed by hand (routedBy: who).
   */
  public record VerificationTaskRerouted(
      UUID taskId,
      String townCode,
      UUID fromStationUnitId,
      UUID toStationUnitId,
      String reason,
      OffsetDateTime reroutedAt,
      String routedBy)
      implements VerificationTaskEvent {}

  public record VerificationTaskAssigned(
      UUID taskId,
      UUID stationUnitId,
      String assignee,
      OffsetDateTime assignedAt,
      String assignedBy,
      long version)
      implements VerificationTaskEvent {}

  public record VerificationTaskVisited(
      UUID taskId, UUID stationUnitId, OffsetDateTime visitedAt, String visitedBy, long version)
      implements VerificationTaskEvent {}

  public record VerificationTaskUnreachable(
      UUID taskId,
      UUID stationUnitId,
      String reason,
      OffsetDateTime unreachableSince,
      String reportedBy,
      long version)
      implements VerificationTaskEvent {}

  public record VerificationTaskCompleted(
      UUID taskId,
      UUID stationUnitId,
      Outcome outcome,
      String note,
      OffsetDateTime completedAt,
      String completedBy,
      long version)
      implements VerificationTaskEvent {}

  /** Left UNREACHABLE or overdue too long: the station's parent unit is to see to it. */
  public record VerificationTaskEscalated(
      UUID taskId,
      UUID stationUnitId,
      UUID escalatedToUnitId,
      String reason,
      TaskStatus status,
      OffsetDateTime dueAt,
      OffsetDateTime escalatedAt)
      implements VerificationTaskEvent {}
}
