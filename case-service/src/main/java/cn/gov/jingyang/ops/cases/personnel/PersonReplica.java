package cn.gov.jingyang.ops.cases.personnel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What this service knows about a person, built only from personnel-service's events. Stale events
 * are ignored: a person snapshot older than the applied version, a duty-status change older than
 * the applied one. A change announced ahead of time (effectiveFrom in the future) holds from then;
 * until then the status before it does.
 */
@Entity
@Table(name = "person_replica")
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

  @Enumerated(EnumType.STRING)
  @Column(name = "previous_duty_status")
  private DutyStatus previousDutyStatus;

  private boolean active;

  @Column(name = "person_version")
  private long personVersion = -1;

  @Column(name = "status_since")
  private OffsetDateTime statusSince;

  @Column(name = "updated_at")
  private OffsetDateTime updatedAt;

  protected PersonReplica() {}

  /**
   * Applies a full snapshot unless an equal or newer version was applied already; true if applied.
   */
  public boolean applySnapshot(
      long version,
      String name,
      String category,
      UUID unitId,
      DutyStatus dutyStatus,
      boolean active) {
    if (version <= personVersion) {
      return false;
    }
    this.personVersion = version;
    this.name = name;
    this.category = category;
    this.unitId = unitId;
    if (statusSince != null && statusSince.isAfter(OffsetDateTime.now())) {
      // a change announced for later stays announced; the snapshot says what holds until then
      this.previousDutyStatus = dutyStatus;
    } else {
      this.dutyStatus = dutyStatus;
    }
    this.active = active;
    this.updatedAt = OffsetDateTime.now();
    return true;
  }

  /** Applies a duty-status change unless a later one was applied already; true if applied. */
  public boolean applyDutyStatus(DutyStatus status, OffsetDateTime effectiveFrom) {
    if (statusSince != null && effectiveFrom != null && effectiveFrom.isBefore(statusSince)) {
      return false;
    }
    this.previousDutyStatus = statusAt(OffsetDateTime.now());
    this.dutyStatus = status;
    this.statusSince = effectiveFrom;
    this.updatedAt = OffsetDateTime.now();
    return true;
  }

  public void deactivate() {
    this.active = false;
    this.updatedAt = OffsetDateTime.now();
  }

  /** The duty status in force at {@code time}. */
  public DutyStatus statusAt(OffsetDateTime time) {
    if (statusSince != null && statusSince.isAfter(time) && previousDutyStatus != null) {
      return previousDutyStatus;
    }
    return dutyStatus;
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

  public OffsetDateTime statusSince() {
    return statusSince;
  }

  public boolean active() {
    return active;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
