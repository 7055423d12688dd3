package cn.gov.jingyang.ops.checkpoint.visit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A supervisory visit (檢查指導): who visited which checkpoint when, and what they found. */
@Entity
@Table(name = "supervisory_visit")
public class SupervisoryVisit {

  @Id private UUID id;

  @Column(name = "checkpoint_id")
  private UUID checkpointId;

  @Column(name = "leader_id")
  private UUID leaderId;

  @Column(name = "leader_name")
  private String leaderName;

  @Column(name = "leader_agency")
  private String leaderAgency;

  @Column(name = "visited_at")
  private OffsetDateTime visitedAt;

  private String findings;
  private String instructions;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  protected SupervisoryVisit() {}

  public static SupervisoryVisit record(
      UUID checkpointId,
      VisitingLeader leader,
      OffsetDateTime visitedAt,
      String findings,
      String instructions,
      String recordedBy) {
    SupervisoryVisit v = new SupervisoryVisit();
    v.id = UUID.randomUUID();
    v.checkpointId = checkpointId;
    v.leaderId = leader.personId();
    v.leaderName = leader.name();
    v.leaderAgency = leader.agency();
    v.visitedAt = visitedAt;
    v.findings = findings.trim();
    v.instructions = instructions == null ? null : instructions.trim();
    v.recordedBy = recordedBy;
    v.createdAt = OffsetDateTime.now();
    return v;
  }

  public UUID id() {
    return id;
  }

  public UUID checkpointId() {
    return checkpointId;
  }

  /**
   * Who visited; a visit recorded before leaders became personnel ids has only the free-text name.
   */
  public VisitingLeader leader() {
    return new VisitingLeader(leaderId, leaderName, leaderAgency);
  }

  public OffsetDateTime visitedAt() {
    return visitedAt;
  }

  public String findings() {
    return findings;
  }

  public String instructions() {
    return instructions;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
