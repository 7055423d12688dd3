package cn.gov.jingyang.ops.checkpoint.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An inspection record (檢查登記): read side. Records are written once, by {@link
 * InspectionRepository#insertIfNew}, and never change.
 */
@Entity
@Table(name = "inspection")
public class Inspection {

  @Id private UUID id;

  @Column(name = "client_record_id")
  private UUID clientRecordId;

  @Column(name = "checkpoint_id")
  private UUID checkpointId;

  @Column(name = "inspected_at")
  private OffsetDateTime inspectedAt;

  private LocalDate day;

  @Enumerated(EnumType.STRING)
  private Direction direction;

  private String plate;

  @Enumerated(EnumType.STRING)
  @Column(name = "vehicle_kind")
  private VehicleKind vehicleKind;

  /** Display name: personnel's name for this bureau's people, as given for other agencies. */
  private String inspector;

  @Column(name = "inspector_id")
  private UUID inspectorId;

  @Column(name = "inspector_agency")
  private String inspectorAgency;

  @Column(name = "recorded_by")
  private String recordedBy;

  @Column(name = "occupant_count")
  private int occupantCount;

  @Column(name = "flagged_count")
  private int flaggedCount;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @Column(name = "risk_rules_version")
  private Integer riskRulesVersion;

  @OneToMany(fetch = FetchType.EAGER)
  @JoinColumn(name = "inspection_id", insertable = false, updatable = false)
  @OrderBy("position")
  private List<Occupant> occupants = new ArrayList<>();

  protected Inspection() {}

  public UUID id() {
    return id;
  }

  public UUID clientRecordId() {
    return clientRecordId;
  }

  public UUID checkpointId() {
    return checkpointId;
  }

  public OffsetDateTime inspectedAt() {
    return inspectedAt;
  }

  public LocalDate day() {
    return day;
  }

  public Direction direction() {
    return direction;
  }

  public String plate() {
    return plate;
  }

  public VehicleKind vehicleKind() {
    return vehicleKind;
  }

  public String inspector() {
    return inspector;
  }

  public UUID inspectorId() {
    return inspectorId;
  }

  public String inspectorAgency() {
    return inspectorAgency;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public int occupantCount() {
    return occupantCount;
  }

  public int flaggedCount() {
    return flaggedCount;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public List<Occupant> occupants() {
    return List.copyOf(occupants);
  }

  /** The version of the risk rules this inspection was judged by. */
  public Integer riskRulesVersion() {
    return riskRulesVersion;
  }
}
