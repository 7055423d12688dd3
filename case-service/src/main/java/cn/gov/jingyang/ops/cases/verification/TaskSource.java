package cn.gov.jingyang.ops.cases.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One source of a task: a flag, a list entry or a manual request that named the person. */
@Entity
@Table(name = "verification_task_source")
public class TaskSource {

  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "task_id")
  private VerificationTask task;

  @Enumerated(EnumType.STRING)
  private SourceKind kind;

  @Column(name = "source_key")
  private String sourceKey;

  @Column(name = "inspection_id")
  private UUID inspectionId;

  @Column(name = "occupant_id")
  private UUID occupantId;

  @Column(name = "batch_id")
  private String batchId;

  private String detail;

  @Column(name = "added_at")
  private OffsetDateTime addedAt;

  @Column(name = "added_by")
  private String addedBy;

  protected TaskSource() {}

  static TaskSource of(VerificationTask task, SourceRef ref, OffsetDateTime at, String by) {
    TaskSource s = new TaskSource();
    s.id = UUID.randomUUID();
    s.task = task;
    s.kind = ref.kind();
    s.sourceKey = ref.key();
    s.inspectionId = ref.inspectionId();
    s.occupantId = ref.occupantId();
    s.batchId = ref.batchId();
    s.detail = ref.detail();
    s.addedAt = at;
    s.addedBy = by;
    return s;
  }

  public UUID id() {
    return id;
  }

  public SourceKind kind() {
    return kind;
  }

  public String sourceKey() {
    return sourceKey;
  }

  public UUID inspectionId() {
    return inspectionId;
  }

  public UUID occupantId() {
    return occupantId;
  }

  public String batchId() {
    return batchId;
  }

  public String detail() {
    return detail;
  }

  public OffsetDateTime addedAt() {
    return addedAt;
  }

  public String addedBy() {
    return addedBy;
  }
}
