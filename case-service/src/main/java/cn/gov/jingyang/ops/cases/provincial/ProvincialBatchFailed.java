package cn.gov.jingyang.ops.cases.provincial;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.OffsetDateTime;

/**
 * A provincial batch stopped before its end (contracts/events/case): what was committed by then
 * stays, and re-sending the batch resumes after {@code linesDone}. The reason is a category only
 * (no row, no personal data). A service killed during an import emits nothing: its batch stays
 * RUNNING until {@code case.import.stale-after} and is resumed by the next POST.
 */
public record ProvincialBatchFailed(
    String batchId,
    ListFormat format,
    Reason reason,
    long linesDone,
    long rowsRead,
    long tasksCreated,
    long sourcesAdded,
    long badRows,
    OffsetDateTime startedAt,
    OffsetDateTime failedAt,
    String importedBy)
    implements DomainEvent {

  /** Why the import stopped. */
  public enum Reason {
    /** The body could not be read to its end (the client's connection broke, a timeout). */
    BODY_INTERRUPTED,
    /** A chunk could not be written to the database. */
    DATABASE_ERROR,
    /** Anything else (a fault of the service). */
    INTERNAL_ERROR;

    static Reason of(Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof java.io.IOException) {
          return BODY_INTERRUPTED;
        }
        if (t instanceof java.sql.SQLException
            || t instanceof jakarta.persistence.PersistenceException) {
          return DATABASE_ERROR;
        }
      }
      return INTERNAL_ERROR;
    }
  }

  public String aggregateType() {
    return "ProvincialBatch";
  }

  public String aggregateId() {
    return batchId;
  }
}
