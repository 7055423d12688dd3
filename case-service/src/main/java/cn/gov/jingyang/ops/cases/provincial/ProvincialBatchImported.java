package cn.gov.jingyang.ops.cases.provincial;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.OffsetDateTime;

/**
 * A provincial batch was imported to the end (contracts/events/case). Its tasks and sources have
 * their own events (VerificationTaskCreated, VerificationTaskSourceAdded), appended chunk by chunk.
 */
public record ProvincialBatchImported(
    String batchId,
    ListFormat format,
    long rowsRead,
    long tasksCreated,
    long sourcesAdded,
    long duplicates,
    long unroutable,
    long badRows,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    String importedBy)
    implements DomainEvent {

  public String aggregateType() {
    return "ProvincialBatch";
  }

  public String aggregateId() {
    return batchId;
  }
}
