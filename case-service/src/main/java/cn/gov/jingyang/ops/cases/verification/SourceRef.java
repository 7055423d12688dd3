package cn.gov.jingyang.ops.cases.verification;

import java.util.UUID;

/**
 * One reason a task exists. {@code key} is unique over all sources, so the same flag or list entry
 * delivered twice adds nothing: {@code CHECKPOINT_FLAG:<occupantId>}, {@code
 * PROVINCIAL_LIST:<batchId>:<idNumber lookup>} (the keyed hash, never the number in clear), {@code
 * MANUAL:<id>}.
 */
public record SourceRef(
    SourceKind kind,
    String key,
    UUID inspectionId,
    UUID occupantId,
    String batchId,
    String detail) {

  public static SourceRef checkpointFlag(UUID inspectionId, UUID occupantId, String detail) {
    return new SourceRef(
        SourceKind.CHECKPOINT_FLAG,
        "CHECKPOINT_FLAG:" + occupantId,
        inspectionId,
        occupantId,
        null,
        detail);
  }

  /**
   * A person (by the lookup of their ID number) on a provincial list: one source per batch and
   * person, however often re-sent.
   */
  public static SourceRef provincialList(String batchId, String idNumberLookup, String detail) {
    return new SourceRef(
        SourceKind.PROVINCIAL_LIST,
        provincialKeyPrefix(batchId) + idNumberLookup,
        null,
        null,
        batchId,
        detail);
  }

  /** What every source key of a provincial batch starts with; the person's lookup follows. */
  public static String provincialKeyPrefix(String batchId) {
    return "PROVINCIAL_LIST:" + batchId + ":";
  }

  public static SourceRef manual(String detail) {
    return new SourceRef(
        SourceKind.MANUAL, "MANUAL:" + UUID.randomUUID(), null, null, null, detail);
  }
}
