package cn.gov.jingyang.ops.cases.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the verification-task endpoints. */
public final class VerificationApi {

  private VerificationApi() {}

  /** Characters of a UUID in text. */
  static final int UUID_LENGTH = 36;

  /** Characters of an RFC 3339 date-time with nanoseconds and an offset. */
  static final int TIME_LENGTH = 35;

  /** Characters of a token subject recorded as an author. */
  static final int SUBJECT_LENGTH = 256;

  /** A provincial batch id: letters, digits, '.', '_' or '-', up to 64 (as the import takes it). */
  static final String BATCH_ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

  /**
   * Sources a task shows at most: a person flagged again and again keeps one task, whose answer
   * stays bounded.
   */
  static final int SOURCES_SHOWN = 100;

  /** A gazetteer town code of the district. */
  static final String TOWN_CODE = "^510603-T[0-9]{2}$";

  @Schema(description = "A key person to visit, entered by hand (source MANUAL)")
  public record ManualTaskRequest(
      @Schema(example = "王芳") @NotBlank @Size(max = 100) String name,
      @Schema(description = "national ID number", example = "510603199001011236")
          @NotNull
          @Size(max = 30)
          @Pattern(
              regexp = "^\\s*[0-9]{17}[0-9Xx]\\s*$",
              message = "18 characters: 17 digits and a digit or X")
          String idNumber,
      @Schema(example = "13900005678") @Size(max = 30) String phone,
      @Schema(example = "孝泉镇民主村3组12号") @Size(max = 300) String address,
      @Schema(
              description = "town as written; resolved to a gazetteer code if townCode is absent",
              example = "孝泉镇")
          @Size(max = 100)
          String town,
      @Schema(
              description = "gazetteer code of the town (contracts/gazetteer/jingyang.json)",
              example = "510603-T10")
          @Size(max = 10)
          @Pattern(regexp = TOWN_CODE, message = "a gazetteer code like 510603-T10")
          String townCode,
      @Schema(
              description = "due time; by default now + case.verification.due.manual",
              maxLength = TIME_LENGTH)
          OffsetDateTime dueAt,
      @Schema(description = "why the person is to be visited", example = "群众反映近期从武汉返回")
          @Size(max = 500)
          String note) {}

  @Schema(description = "An officer takes the task")
  public record Assignment(
      @Schema(description = "the officer (name, badge)", example = "李强 051288")
          @NotBlank
          @Size(max = 100)
          String assignee) {}

  @Schema(description = "The household was visited")
  public record Visit(
      @Schema(
              description = "when; now if absent",
              example = "2020-02-04T10:30:00+08:00",
              maxLength = TIME_LENGTH)
          OffsetDateTime visitedAt) {}

  @Schema(description = "Nobody could be reached")
  public record Unreachable(
      @Schema(example = "家中无人，电话无人接听") @NotBlank @Size(max = 500) String reason) {}

  @Schema(description = "The result of the verification")
  public record Completion(
      @Schema(example = "HOME_QUARANTINE") @NotNull Outcome outcome,
      @Schema(example = "已落实居家隔离14天") @Size(max = 1000) String note) {}

  @Schema(description = "A source of a task")
  public record SourceView(
      SourceKind kind,
      UUID inspectionId,
      UUID occupantId,
      @Schema(maxLength = 64, pattern = BATCH_ID) String batchId,
      @Schema(description = "why the person was named (a flag's reason, a note)", maxLength = 1000)
          String detail,
      OffsetDateTime addedAt,
      @Schema(description = "the token subject or the consumer", maxLength = SUBJECT_LENGTH)
          String addedBy) {
    static SourceView of(TaskSource s) {
      return new SourceView(
          s.kind(),
          s.inspectionId(),
          s.occupantId(),
          s.batchId(),
          s.detail(),
          s.addedAt(),
          s.addedBy());
    }
  }

  @Schema(description = "A household-verification task")
  public record TaskView(
      UUID id,
      @Schema(maxLength = 200) String personName,
      @Schema(
              description = "in full for station officers and command, masked for others",
              maxLength = 18)
          String idNumber,
      @Schema(maxLength = 30) String phone,
      @Schema(maxLength = 300) String address,
      @Schema(description = "the town as written by the source", maxLength = 200) String town,
      @Schema(maxLength = 10, pattern = TOWN_CODE) String townCode,
      @Schema(
              description = "the station the task is routed to; absent: the district queue",
              maxLength = UUID_LENGTH)
          UUID stationUnitId,
      TaskStatus status,
      @Schema(description = "statuses allowed from the current one", maxItems = 5)
          List<TaskStatus> allowedTransitions,
      OffsetDateTime dueAt,
      @Schema(description = "open and past its due time") boolean overdue,
      @Schema(maxLength = 100) String assignee,
      Outcome outcome,
      @Schema(maxLength = 1000) String outcomeNote,
      @Schema(maxLength = 500) String unreachableReason,
      @Schema(description = "the unit the task was escalated to", maxLength = UUID_LENGTH)
          UUID escalatedToUnitId,
      @Schema(
              description = "why it was escalated",
              enumeration = {"UNREACHABLE", "OVERDUE"})
          String escalationReason,
      OffsetDateTime escalatedAt,
      OffsetDateTime createdAt,
      OffsetDateTime assignedAt,
      OffsetDateTime visitedAt,
      OffsetDateTime completedAt,
      @Schema(
              description =
                  "why the task exists, oldest first: the first "
                      + SOURCES_SHOWN
                      + " (sourceCount counts them all)",
              maxItems = SOURCES_SHOWN)
          List<SourceView> sources,
      @Schema(description = "how many sources the task has", minimum = "1", maximum = "2147483647")
          int sourceCount,
      @Schema(
              description = "optimistic-lock version (the ETag)",
              minimum = "0",
              maximum = "9223372036854775807")
          long version) {

    static TaskView of(VerificationTask t, TaskScope scope) {
      return new TaskView(
          t.id(),
          t.personName(),
          scope.idNumber(t.idNumber()),
          scope.phone(t.phone()),
          t.address(),
          t.town(),
          t.townCode(),
          t.stationUnitId(),
          t.status(),
          t.status().allowedNext(),
          t.dueAt(),
          t.status().isOpen() && t.dueAt().isBefore(OffsetDateTime.now()),
          t.assignee(),
          t.outcome(),
          t.outcomeNote(),
          t.unreachableReason(),
          t.escalatedToUnitId(),
          t.escalationReason(),
          t.escalatedAt(),
          t.createdAt(),
          t.assignedAt(),
          t.visitedAt(),
          t.completedAt(),
          t.sources().stream().limit(SOURCES_SHOWN).map(SourceView::of).toList(),
          t.sources().size(),
          t.version());
    }
  }

  @Schema(
      description =
          "The person already had an open task the caller may not see; the request was added to it as a source")
  public record SourceAddedElsewhere(
      @Schema(example = "SOURCE_ADDED", enumeration = "SOURCE_ADDED") String effect,
      @Schema(maxLength = 200) String detail) {}
}
