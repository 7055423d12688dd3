package cn.gov.jingyang.ops.personnel.duty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One dated entry of a person's duty-status history. */
@Entity
@Table(name = "duty_status_change")
public class DutyStatusChange {

  @Id private UUID id;

  @Column(name = "person_id")
  private UUID personId;

  @Enumerated(EnumType.STRING)
  @Column(name = "previous_status")
  private DutyStatus previousStatus;

  @Enumerated(EnumType.STRING)
  private DutyStatus status;

  private String reason;

  @Column(name = "effective_from")
  private OffsetDateTime effectiveFrom;

  /** End of the interval the status holds for (exclusive); null: until a later change. */
  private OffsetDateTime until;

  @Column(name = "changed_by")
  private String changedBy;

  @Column(name = "recorded_at")
  private OffsetDateTime recordedAt;

  protected DutyStatusChange() {}

  DutyStatusChange(
      UUID personId,
      DutyStatus previousStatus,
      DutyStatus status,
      String reason,
      OffsetDateTime effectiveFrom,
      OffsetDateTime until,
      String changedBy,
      OffsetDateTime recordedAt) {
    this.id = UUID.randomUUID();
    this.personId = personId;
    this.previousStatus = previousStatus;
    this.status = status;
    this.reason = reason;
    this.effectiveFrom = effectiveFrom;
    this.until = until;
    this.changedBy = changedBy;
    this.recordedAt = recordedAt;
  }

  public UUID personId() {
    return personId;
  }

  public DutyStatus previousStatus() {
    return previousStatus;
  }

  public DutyStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public OffsetDateTime effectiveFrom() {
    return effectiveFrom;
  }

  public OffsetDateTime until() {
    return until;
  }

  DutyTimeline.Entry asEntry() {
    return new DutyTimeline.Entry(status, effectiveFrom, until);
  }

  public String changedBy() {
    return changedBy;
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }
}
