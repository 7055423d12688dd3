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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

  /**
   * The record a batch has just inserted, as the database stores it (the time in UTC, rounded to
   * microseconds), built from what was written instead of read back; not managed by Hibernate.
   */
  static Inspection inserted(RecordPreparation.Prepared p, String recordedBy) {
    Inspection i = new Inspection();
    i.id = p.id();
    i.clientRecordId = p.request().clientRecordId();
    i.checkpointId = p.checkpoint().id();
    i.inspectedAt = asStored(p.request().inspectedAt());
    i.day = p.day();
    i.direction = p.request().direction();
    i.plate = p.plate();
    i.vehicleKind = p.request().vehicleKind();
    i.inspector = p.inspector().name();
    i.inspectorId = p.inspector().personId();
    i.inspectorAgency = p.inspector().agency();
    i.recordedBy = recordedBy;
    i.occupantCount = p.occupants().size();
    i.flaggedCount = p.flagged();
    i.riskRulesVersion = p.rulesVersion();
    i.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    i.occupants = new ArrayList<>(p.occupants());
    return i;
  }

  /** A time as {@code timestamptz} keeps it: the instant, to the nearest microsecond. */
  private static OffsetDateTime asStored(OffsetDateTime t) {
    OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime micros = utc.truncatedTo(ChronoUnit.MICROS);
    return utc.getNano() % 1000 >= 500 ? micros.plus(1, ChronoUnit.MICROS) : micros;
  }

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
