package cn.gov.jingyang.ops.personnel.party;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A party branch. A temporary branch belongs to a checkpoint and is dissolved when it closes. */
@Entity
@Table(name = "party_branch")
public class PartyBranch {

  @Id private UUID id;
  private String name;

  @Enumerated(EnumType.STRING)
  private BranchKind kind;

  @Column(name = "unit_id")
  private UUID unitId;

  @Column(name = "checkpoint_id")
  private UUID checkpointId;

  @Column(name = "secretary_id")
  private UUID secretaryId;

  @Column(name = "flag_presented_on")
  private LocalDate flagPresentedOn;

  @Column(name = "established_on")
  private LocalDate establishedOn;

  @Column(name = "dissolved_at")
  private OffsetDateTime dissolvedAt;

  @Column(name = "dissolution_reason")
  private String dissolutionReason;

  @Version private long version;

  protected PartyBranch() {}

  public PartyBranch(
      String name,
      BranchKind kind,
      UUID unitId,
      UUID checkpointId,
      UUID secretaryId,
      LocalDate flagPresentedOn,
      LocalDate establishedOn) {
    if (kind == BranchKind.TEMPORARY && checkpointId == null) {
      throw ProblemException.badRequest(
          "checkpointId", "a temporary branch belongs to a checkpoint");
    }
    if (kind == BranchKind.REGULAR && checkpointId != null) {
      throw ProblemException.badRequest(
          "checkpointId", "only a temporary branch belongs to a checkpoint");
    }
    if (kind == BranchKind.REGULAR && unitId == null) {
      throw ProblemException.badRequest("unitId", "a regular branch belongs to a unit");
    }
    if (flagPresentedOn != null && flagPresentedOn.isBefore(establishedOn)) {
      throw ProblemException.badRequest(
          "flagPresentedOn", "the flag is presented on or after establishment");
    }
    this.id = UUID.randomUUID();
    this.name = name;
    this.kind = kind;
    this.unitId = unitId;
    this.checkpointId = checkpointId;
    this.secretaryId = secretaryId;
    this.flagPresentedOn = flagPresentedOn;
    this.establishedOn = establishedOn;
  }

  public void dissolve(String reason, OffsetDateTime at) {
    requireActive();
    dissolvedAt = at;
    dissolutionReason = reason;
  }

  public void requireActive() {
    if (dissolvedAt != null) {
      throw ProblemException.conflict(
          "branch-dissolved", "party branch " + id + " was dissolved on " + dissolvedAt);
    }
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public BranchKind kind() {
    return kind;
  }

  public UUID unitId() {
    return unitId;
  }

  public UUID checkpointId() {
    return checkpointId;
  }

  public UUID secretaryId() {
    return secretaryId;
  }

  public LocalDate flagPresentedOn() {
    return flagPresentedOn;
  }

  public LocalDate establishedOn() {
    return establishedOn;
  }

  public OffsetDateTime dissolvedAt() {
    return dissolvedAt;
  }

  public String dissolutionReason() {
    return dissolutionReason;
  }

  public boolean active() {
    return dissolvedAt == null;
  }

  public long version() {
    return version;
  }
}
