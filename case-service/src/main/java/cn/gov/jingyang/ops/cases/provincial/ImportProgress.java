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
    String batchId,
    ListFormat format,
    @Schema(enumeration = {"RUNNING", "COMPLETED", "FAILED"}) String status,
    long rowsRead,
    long tasksCreated,
    long sourcesAdded,
    long duplicates,
    long unroutable,
    long badRows,
    @Schema(description = "the first bad rows by line (case.import.bad-rows-shown of them)")
        List<BadRowView> firstBadRows,
    @Schema(description = "why a FAILED import stopped; re-send the batch to resume it")
        String error,
    OffsetDateTime startedAt,
    String startedBy,
    OffsetDateTime finishedAt) {

  @Schema(description = "A row that was not imported: its line in the body and why")
  public record BadRowView(long line, String reason) {}
}
