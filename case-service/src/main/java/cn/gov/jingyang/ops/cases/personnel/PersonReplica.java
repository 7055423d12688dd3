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
 * What this service knows about a person, built only from personnel-service's events. A person
 * snapshot older than the applied version is ignored. Duty statuses are dated changes kept apart
 * ({@link DutyIntervals}); {@code dutyStatus} is the last snapshot's, read only while no change is
 * known.
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

  private boolean active;

  @Column(name = "person_version")
  private long personVersion = -1;

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
    this.dutyStatus = dutyStatus;
    this.active = active;
    this.updatedAt = OffsetDateTime.now();
    return true;
  }

  /** A dated duty-status change was recorded for this person. */
  public void dutyStatusChanged() {
    this.updatedAt = OffsetDateTime.now();
  }

  public void deactivate() {
    this.active = false;
    this.updatedAt = OffsetDateTime.now();
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

  public boolean active() {
    return active;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
