package cn.gov.jingyang.ops.cases.provincial;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    description =
        "A provincial batch's progress and result. rowsRead counts the data lines read so far"
            + " (header and blank lines aside); each is one of tasksCreated, sourcesAdded (the"
            + " person's open task got the list as a source), duplicates (the person again in"
            + " the batch) or badRows. unroutable: new tasks in the district queue (their town"
            + " resolved to no station; not an error).")
public record ImportProgress(
    @Schema(maxLength = 64, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String batchId,
    ListFormat format,
    @Schema(enumeration = {"RUNNING", "COMPLETED", "FAILED"}) String status,
    long rowsRead,
    long tasksCreated,
    long sourcesAdded,
    long duplicates,
    long unroutable,
    long badRows,
    @Schema(
            description = "the first bad rows by line (case.import.bad-rows-shown of them)",
            maxItems = ImportConfig.MAX_BAD_ROWS_SHOWN)
        List<BadRowView> firstBadRows,
    @Schema(
            description = "why a FAILED import stopped; re-send the batch to resume it",
            maxLength = 64)
        String error,
    OffsetDateTime startedAt,
    @Schema(description = "who sent the batch (token subject)", maxLength = 256) String startedBy,
    OffsetDateTime finishedAt) {

  @Schema(description = "A row that was not imported: its line in the body and why")
  public record BadRowView(
      long line, @Schema(maxLength = ImportLedger.BadRow.MAX_REASON) String reason) {}
}
