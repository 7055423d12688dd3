package cn.gov.jingyang.ops.checkpoint.personnel;

import cn.gov.jingyang.ops.platform.events.DatedChanges;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What this service knows about a person, built only from personnel-service's events. A person
 * snapshot older than the applied version is ignored. Duty statuses are dated intervals ({@link
 * DutyIntervals}); {@code dutyStatus} shows the one holding now, moved on when a planned change
 * begins or a dated one ends.
 */
@Entity
@Table(name = "personnel_replica")
public class PersonReplica {

  @Id
  @Column(name = "person_id")
  private UUID personId;

  private String name;
  private String category;

  @Column(name = "unit_id")
  private UUID unitId;

  @Enumerated(EnumType.STRING)
  @Column(name = "duty_status")
  private DutyStatus dutyStatus;

  private boolean active;

  @Column(name = "person_version")
  private long personVersion = -1;

  @Enumerated(EnumType.STRING)
  @Column(name = "snapshot_duty_status")
  private DutyStatus snapshotDutyStatus;

  @Column(name = "snapshot_status_since")
  private OffsetDateTime snapshotStatusSince;

  @Column(name = "snapshot_status_until")
  private OffsetDateTime snapshotStatusUntil;

  @Column(name = "status_since")
  private OffsetDateTime statusSince;

  @Column(name = "duty_status_review_at")
  private OffsetDateTime dutyStatusReviewAt;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  @Column(name = "fatigue_alert_id")
  private UUID fatigueAlertId;

  @Column(name = "fatigue_alert_days")
  private Integer fatigueAlertDays;

  @Column(name = "fatigue_alert_raised_at")
  private OffsetDateTime fatigueAlertRaisedAt;

  protected PersonReplica() {}

  /** A person first heard of (perhaps through a status change that overtook the registration). */
  public static PersonReplica known(UUID personId) {
    PersonReplica p = new PersonReplica();
    p.personId = personId;
    p.dutyStatus = DutyStatus.AVAILABLE;
    p.snapshotDutyStatus = DutyStatus.AVAILABLE;
    p.active = true;
    p.updatedAt = OffsetDateTime.now();
    return p;
  }

  /**
   * Applies a full snapshot unless an equal or newer version was applied already; true if applied.
   */
  public boolean applySnapshot(
      long version,
      String name,
      String category,
      UUID unitId,
      DutyIntervals.SnapshotStatus duty,
      boolean active) {
    if (version <= personVersion) {
      return false;
    }
    this.personVersion = version;
    this.name = name;
    this.category = category;
    this.unitId = unitId;
    this.dutyStatus = duty.status();
    this.snapshotDutyStatus = duty.status();
    this.snapshotStatusSince = duty.since();
    this.snapshotStatusUntil = duty.until();
    this.active = active;
    this.updatedAt = OffsetDateTime.now();
    return true;
  }

  /** Shows the status the time line gives for {@code now}; reviewed again at its next turn. */
  public void showDutyStatus(DatedChanges<DutyStatus> timeline, OffsetDateTime now) {
    this.dutyStatus = timeline.at(now);
    this.statusSince = timeline.since(now);
    this.dutyStatusReviewAt = timeline.nextTurnAfter(now).orElse(null);
    this.updatedAt = now;
  }

  public void deactivate() {
    this.active = false;
    this.updatedAt = OffsetDateTime.now();
  }

  /** personnel-service raised a FatigueAlert for this person (it stays open until cleared). */
  public void fatigueAlertRaised(UUID alertId, int days, OffsetDateTime raisedAt) {
    this.fatigueAlertId = alertId;
    this.fatigueAlertDays = days;
    this.fatigueAlertRaisedAt = raisedAt;
    this.updatedAt = OffsetDateTime.now();
  }

  /** The alert was cleared by a rest day; an older alert's clearing leaves a newer one open. */
  public void fatigueAlertCleared(UUID alertId) {
    if (alertId.equals(fatigueAlertId)) {
      this.fatigueAlertId = null;
      this.fatigueAlertDays = null;
      this.fatigueAlertRaisedAt = null;
      this.updatedAt = OffsetDateTime.now();
    }
  }

  public UUID fatigueAlertId() {
    return fatigueAlertId;
  }

  public Integer fatigueAlertDays() {
    return fatigueAlertDays;
  }

  public OffsetDateTime fatigueAlertRaisedAt() {
    return fatigueAlertRaisedAt;
  }

  public UUID personId() {
    return personId;
  }

  public String name() {
    return name;
  }

  public String category() {
    return category;
  }

  public UUID unitId() {
    return unitId;
  }

  public DutyStatus dutyStatus() {
    return dutyStatus;
  }

  /**
   * What the last snapshot said of the duty status (the fallback while no dated change is known).
   */
  public DutyIntervals.SnapshotStatus snapshotStatus() {
    return new DutyIntervals.SnapshotStatus(
        snapshotDutyStatus == null ? dutyStatus : snapshotDutyStatus,
        snapshotStatusSince,
        snapshotStatusUntil);
  }

  public boolean active() {
    return active;
  }

  public OffsetDateTime statusSince() {
    return statusSince;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
