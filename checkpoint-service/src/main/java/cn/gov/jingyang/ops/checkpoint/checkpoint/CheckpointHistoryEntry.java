package cn.gov.jingyang.ops.checkpoint.checkpoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One window in a checkpoint's life: a status (ACTIVE, SUSPENDED, CLOSED) or a lead agency, valid
 * from a time until the next entry of its kind (open-ended while current). Never deleted.
 */
@Entity
@Table(name = "checkpoint_history")
public class CheckpointHistoryEntry {

  /** What the entry records. */
  public enum Kind {
    STATUS,
    LEAD_AGENCY
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "checkpoint_history")
  @SequenceGenerator(
      name = "checkpoint_history",
      sequenceName = "checkpoint_history_seq",
      allocationSize = 1)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "checkpoint_id")
  private Checkpoint checkpoint;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  private CheckpointStatus status;

  @Column(name = "lead_agency")
  private String leadAgency;

  @Column(name = "valid_from")
  private OffsetDateTime validFrom;

  @Column(name = "valid_to")
  private OffsetDateTime validTo;

  private String reason;

  @Column(name = "changed_by")
  private String changedBy;

  @Column(name = "recorded_at")
  private OffsetDateTime recordedAt;

  protected CheckpointHistoryEntry() {}

  private static CheckpointHistoryEntry of(
      Checkpoint checkpoint, Kind kind, OffsetDateTime from, String reason, String changedBy) {
    CheckpointHistoryEntry e = new CheckpointHistoryEntry();
    e.checkpoint = checkpoint;
    e.kind = kind;
    e.validFrom = from;
    e.reason = reason;
    e.changedBy = changedBy;
    e.recordedAt = OffsetDateTime.now();
    return e;
  }

  static CheckpointHistoryEntry status(
      Checkpoint checkpoint,
      CheckpointStatus status,
      OffsetDateTime from,
      String reason,
      String changedBy) {
    CheckpointHistoryEntry e = of(checkpoint, Kind.STATUS, from, reason, changedBy);
    e.status = status;
    return e;
  }

  static CheckpointHistoryEntry leadAgency(
      Checkpoint checkpoint, String agency, OffsetDateTime from, String changedBy) {
    CheckpointHistoryEntry e = of(checkpoint, Kind.LEAD_AGENCY, from, null, changedBy);
    e.leadAgency = agency;
    return e;
  }

  /** Whether {@code time} lies in [validFrom, validTo). */
  boolean covers(OffsetDateTime time) {
    return !time.isBefore(validFrom) && (validTo == null || time.isBefore(validTo));
  }

  boolean isCurrent(Kind of) {
    return kind == of && validTo == null;
  }

  /** Ends the window at {@code at} (never before it began). */
  void endAt(OffsetDateTime at) {
    validTo = at.isBefore(validFrom) ? validFrom : at;
  }

  public Long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public CheckpointStatus status() {
    return status;
  }

  public String leadAgency() {
    return leadAgency;
  }

  public OffsetDateTime validFrom() {
    return validFrom;
  }

  public OffsetDateTime validTo() {
    return validTo;
  }

  public String reason() {
    return reason;
  }

  public String changedBy() {
    return changedBy;
  }

  public OffsetDateTime recordedAt() {
    return recordedAt;
  }
}
