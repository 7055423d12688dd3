package cn.gov.jingyang.ops.checkpoint.checkpoint;

import cn.gov.jingyang.ops.checkpoint.personnel.PersonReferences;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An epidemic-control checkpoint (疫情防控檢查卡點). Its status moves only along allowed transitions. */
@Entity
@Table(name = "checkpoint")
public class Checkpoint {

  @Id private UUID id;
  private String code;
  private String name;
  private String road;
  private String place;
  private BigDecimal latitude;
  private BigDecimal longitude;
  private String town;

  @Enumerated(EnumType.STRING)
  private CheckpointKind kind;

  @Enumerated(EnumType.STRING)
  private CheckpointStatus status;

  @Column(name = "set_up_on")
  private LocalDate setUpOn;

  @Column(name = "activated_at")
  private OffsetDateTime activatedAt;

  @Column(name = "suspended_at")
  private OffsetDateTime suspendedAt;

  @Column(name = "closed_at")
  private OffsetDateTime closedAt;

  @Column(name = "lead_agency")
  private String leadAgency;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "participating_agencies")
  private List<String> participatingAgencies = new ArrayList<>();

  /** Display name: personnel's name for this bureau's people, as given for other agencies. */
  @Column(name = "supervising_leader")
  private String supervisingLeader;

  @Column(name = "supervising_leader_id")
  private UUID supervisingLeaderId;

  @Column(name = "supervising_leader_agency")
  private String supervisingLeaderAgency;

  /** The unit of this bureau that runs it: its officers record inspections here. */
  @Column(name = "unit_id")
  private UUID unitId;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @Version private long version;

  @OneToMany(mappedBy = "checkpoint", cascade = CascadeType.PERSIST)
  @OrderBy("validFrom ASC, id ASC")
  private List<CheckpointHistoryEntry> history = new ArrayList<>();

  /**
   * Most checkpoints one district plans (a ceiling far above any real district's), so lists of
   * every checkpoint (statistics, visit coverage) stay bounded.
   */
  public static final int MAX_CHECKPOINTS = 10_000;

  protected Checkpoint() {}

  /** What describes a checkpoint, as opposed to its lifecycle. */
  public record Details(
      String name,
      String road,
      String place,
      BigDecimal latitude,
      BigDecimal longitude,
      String town,
      CheckpointKind kind,
      LocalDate setUpOn,
      String leadAgency,
      List<String> participatingAgencies,
      PersonReferences.Reference supervisingLeader,
      UUID unitId) {}

  public static Checkpoint plan(String code, Details details, OffsetDateTime now) {
    Checkpoint c = new Checkpoint();
    c.id = UUID.randomUUID();
    c.code = code.trim();
    c.status = CheckpointStatus.PLANNED;
    c.createdAt = now;
    c.apply(details);
    OffsetDateTime leadSince =
        details.setUpOn() == null
            ? now
            : DistrictDays.startOf(details.setUpOn()).atOffset(now.getOffset());
    c.history.add(CheckpointHistoryEntry.leadAgency(c, c.leadAgency, leadSince, null));
    return c;
  }

  /** Changes the description; a new lead agency starts a new lead-agency window at {@code at}. */
  public void describe(Details d, OffsetDateTime at, String changedBy) {
    String previousLead = leadAgency;
    apply(d);
    if (!leadAgency.equals(previousLead)) {
      current(CheckpointHistoryEntry.Kind.LEAD_AGENCY).ifPresent(e -> e.endAt(at));
      history.add(CheckpointHistoryEntry.leadAgency(this, leadAgency, at, changedBy));
    }
  }

  private void apply(Details d) {
    name = d.name();
    road = d.road();
    place = d.place();
    latitude = d.latitude();
    longitude = d.longitude();
    town = d.town();
    kind = d.kind();
    setUpOn = d.setUpOn();
    leadAgency = d.leadAgency();
    participatingAgencies =
        d.participatingAgencies() == null
            ? new ArrayList<>()
            : new ArrayList<>(d.participatingAgencies());
    var leader = d.supervisingLeader();
    supervisingLeader = leader == null ? null : leader.name();
    supervisingLeaderId = leader == null ? null : leader.personId();
    supervisingLeaderAgency = leader == null ? null : leader.agency();
    unitId = d.unitId();
  }

  /**
   * Moves to {@code next} at {@code at}, or refuses with 409 naming the allowed transitions (422
   * naming {@code at} if it lies before the current window began). Ends the current status window
   * and opens the next one.
   */
  public void transitionTo(
      CheckpointStatus next, OffsetDateTime at, String reason, String changedBy) {
    if (!status.allowedNext().contains(next)) {
      throw ProblemException.illegalTransition(status, next, status.allowedNext());
    }
    Optional<CheckpointHistoryEntry> window = current(CheckpointHistoryEntry.Kind.STATUS);
    if (window.isPresent() && at.isBefore(window.get().validFrom())) {
      throw ProblemException.unprocessable(
          "at",
          "lies before "
              + window.get().validFrom()
              + ", when checkpoint "
              + code
              + " became "
              + status
              + "; operating windows cannot overlap");
    }
    window.ifPresent(w -> w.endAt(at));
    history.add(CheckpointHistoryEntry.status(this, next, at, reason, changedBy));
    switch (next) {
      case ACTIVE -> {
        if (activatedAt == null) {
          activatedAt = at;
        }
        suspendedAt = null;
      }
      case SUSPENDED -> suspendedAt = at;
      case CLOSED -> closedAt = at;
      case PLANNED -> throw new IllegalStateException("never reached");
    }
    status = next;
  }

  /**
   * Whether an inspection made at {@code time} (its {@code inspectedAt}) may be recorded: the
   * checkpoint must have been ACTIVE then, in any of its operating windows. Tablets upload late, so
   * a record made before a suspension or closure is kept, and one made during an earlier suspension
   * is refused even after re-activation. Refused with 422 naming {@code inspectedAt}.
   */
  public void requireOperatingAt(OffsetDateTime time) {
    CheckpointStatus then =
        history.stream()
            .filter(e -> e.kind() == CheckpointHistoryEntry.Kind.STATUS && e.covers(time))
            .map(CheckpointHistoryEntry::status)
            .reduce((first, later) -> later)
            .orElse(CheckpointStatus.PLANNED);
    if (then != CheckpointStatus.ACTIVE) {
      throw ProblemException.unprocessable(
          "inspectedAt",
          "checkpoint "
              + code
              + " was "
              + then
              + " at "
              + time
              + " (it is "
              + status
              + " now); inspections are recorded only for times the checkpoint was ACTIVE, see"
              + " GET /checkpoints/"
              + id
              + "/history");
    }
  }

  private Optional<CheckpointHistoryEntry> current(CheckpointHistoryEntry.Kind kind) {
    return history.stream().filter(e -> e.isCurrent(kind)).reduce((first, later) -> later);
  }

  public boolean isClosed() {
    return status == CheckpointStatus.CLOSED;
  }

  public UUID id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String road() {
    return road;
  }

  public String place() {
    return place;
  }

  public BigDecimal latitude() {
    return latitude;
  }

  public BigDecimal longitude() {
    return longitude;
  }

  public String town() {
    return town;
  }

  public CheckpointKind kind() {
    return kind;
  }

  public CheckpointStatus status() {
    return status;
  }

  public LocalDate setUpOn() {
    return setUpOn;
  }

  public OffsetDateTime activatedAt() {
    return activatedAt;
  }

  public OffsetDateTime suspendedAt() {
    return suspendedAt;
  }

  public OffsetDateTime closedAt() {
    return closedAt;
  }

  public String leadAgency() {
    return leadAgency;
  }

  public List<String> participatingAgencies() {
    return List.copyOf(participatingAgencies);
  }

  public String supervisingLeader() {
    return supervisingLeader;
  }

  public UUID supervisingLeaderId() {
    return supervisingLeaderId;
  }

  public String supervisingLeaderAgency() {
    return supervisingLeaderAgency;
  }

  public UUID unitId() {
    return unitId;
  }

  public long version() {
    return version;
  }
}
