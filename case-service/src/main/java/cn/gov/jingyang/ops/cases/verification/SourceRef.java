package cn.gov.jingyang.ops.cases.verification;

import java.util.UUID;

/**
 * One reason a task exists. {@code key} is unique over all sources, so the same flag or list entry
 * delivered twice adds nothing: {@code CHECKPOINT_FLAG:<occupantId>}, {@code
 * PROVINCIAL_LIST:<batchId>:<idNumber>}, {@code MANUAL:<id>}.
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

  /** A person on a provincial list: one source per batch and person, however often re-sent. */
  public static SourceRef provincialList(String batchId, String idNumber, String detail) {
    return new SourceRef(
        SourceKind.PROVINCIAL_LIST,
        "PROVINCIAL_LIST:" + batchId + ":" + KeyPerson.normalise(idNumber),
        null,
        null,
        batchId,
        detail);
  }

  public static SourceRef manual(String detail) {
    return new SourceRef(
        SourceKind.MANUAL, "MANUAL:" + UUID.randomUUID(), null, null, null, detail);
  }
}
