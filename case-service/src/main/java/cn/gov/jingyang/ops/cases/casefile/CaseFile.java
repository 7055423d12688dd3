package cn.gov.jingyang.ops.cases.casefile;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A case (案件). Its status moves only along {@link CaseStatus#allowedNext()}; every change also adds
 * an entry to its timeline.
 */
@Entity
@Table(name = "case_file")
public class CaseFile {

  /** Officers on one case at most: the report's limit, kept by assignments too (else 409). */
  public static final int MAX_OFFICERS = 50;

  /** Seizures recorded on one case at most (else 409). */
  public static final int MAX_SEIZURES = 200;

  /** Entries of one case's timeline at most: a change that would add one more is 409. */
  public static final int MAX_TIMELINE = 2000;

  @Id private UUID id;
  private String number;

  @Enumerated(EnumType.STRING)
  private CaseKind kind;

  @Enumerated(EnumType.STRING)
  private CaseSource source;

  @Enumerated(EnumType.STRING)
  private CaseStatus status;

  private String summary;

  @Column(name = "reported_at")
  private OffsetDateTime reportedAt;

  @Column(name = "town_code")
  private String townCode;

  @Column(name = "town_name")
  private String townName;

  private String address;

  @Column(name = "lead_unit_id")
  private UUID leadUnitId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "partner_agencies")
  private List<String> partnerAgencies = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  private List<AssignedOfficer> officers = new ArrayList<>();

  /**
   * ID numbers and phones sealed in the database ({@link SealedParties}), in clear here. Replaced
   * whole, never changed in place: the list is compared, not copied, to find a change.
   */
  @Convert(converter = SealedParties.class)
  @ColumnTransformer(write = "?::jsonb")
  @Mutability(Immutability.class)
  private List<Party> parties = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  private List<Seizure> seizures = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  private List<CaseAction> actions = new ArrayList<>();

  @Column(name = "confirmed_infections")
  private int confirmedInfections;

  @Column(name = "under_medical_observation")
  private int underMedicalObservation;

  @Column(name = "compounds_sealed")
  private int compoundsSealed;

  @Column(name = "buildings_sealed")
  private int buildingsSealed;

  @Column(name = "legal_basis")
  private String legalBasis;

  @Column(name = "linked_task_id")
  private UUID linkedTaskId;

  @Column(name = "reported_by")
  private String reportedBy;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @Column(name = "closed_at")
  private OffsetDateTime closedAt;

  @Version private long version;

  protected CaseFile() {}

  /** What describes a case, as opposed to its lifecycle, officers, seizures and timeline. */
  public record Details(
      CaseKind kind,
      String summary,
      OffsetDateTime reportedAt,
      String townCode,
      String townName,
      String address,
      UUID leadUnitId,
      List<String> partnerAgencies,
      List<Party> parties,
      Impact impact) {}

  /** A new case, status REPORTED, with its number and the first timeline entry. */
  public static CaseFile report(
      String number,
      CaseSource source,
      Details details,
      UUID linkedTaskId,
      String reportedBy,
      OffsetDateTime now) {
    CaseFile c = new CaseFile();
    c.id = UUID.randomUUID();
    c.number = number;
    c.source = source;
    c.status = CaseStatus.REPORTED;
    c.linkedTaskId = linkedTaskId;
    c.reportedBy = reportedBy;
    c.createdAt = now;
    c.apply(details);
    c.record(now, reportedBy, CaseAction.Kind.REPORTED, "reported (" + source + ")");
    return c;
  }

  /** Changes the description. */
  public void describe(Details d, String changedBy, OffsetDateTime now) {
    apply(d);
    record(now, changedBy, CaseAction.Kind.UPDATED, "description changed");
  }

  private void apply(Details d) {
    kind = d.kind();
    summary = d.summary();
    reportedAt = d.reportedAt();
    townCode = d.townCode();
    townName = d.townName();
    address = d.address();
    leadUnitId = d.leadUnitId();
    partnerAgencies =
        new ArrayList<>(d.partnerAgencies() == null ? List.of() : d.partnerAgencies());
    parties = new ArrayList<>(d.parties() == null ? List.of() : d.parties());
    Impact impact = (d.impact() == null ? Impact.NONE : d.impact()).normalised();
    confirmedInfections = impact.confirmedInfections();
    underMedicalObservation = impact.underMedicalObservation();
    compoundsSealed = impact.compoundsSealed();
    buildingsSealed = impact.buildingsSealed();
  }

  /**
   * Moves to {@code next}, or refuses with 409 naming the allowed transitions; a criminal filing
   * needs its legal basis (422 naming {@code legalBasis}).
   */
  public void transitionTo(
      CaseStatus next, String basis, String note, String changedBy, OffsetDateTime now) {
    if (!status.allowedNext().contains(next)) {
      throw ProblemException.illegalTransition(status, next, status.allowedNext());
    }
    if (next == CaseStatus.CRIMINAL_CASE_FILED) {
      if (basis == null || basis.isBlank()) {
        throw ProblemException.unprocessable(
            "legalBasis",
            "a criminal filing names its legal basis, e.g. Criminal Law art. 330 (妨害传染病防治罪)");
      }
      legalBasis = basis.strip();
    } else if (basis != null && !basis.isBlank()) {
      legalBasis = basis.strip();
    }
    if (next == CaseStatus.CLOSED) {
      closedAt = now;
    }
    String text = status + " → " + next + (note == null || note.isBlank() ? "" : ": " + note);
    status = next;
    record(now, changedBy, CaseAction.Kind.STATUS_CHANGED, text);
  }

  /** Puts an officer on the case; 409 if already on it. */
  public AssignedOfficer assign(UUID personId, String name, String by, OffsetDateTime now) {
    if (officers.stream().anyMatch(o -> o.personId().equals(personId))) {
      throw ProblemException.conflict(
          "officer-already-assigned", "officer " + personId + " is already on case " + number);
    }
    if (officers.size() >= MAX_OFFICERS) {
      throw full("officers", MAX_OFFICERS + " officers");
    }
    AssignedOfficer officer = new AssignedOfficer(personId, name, now, by);
    List<AssignedOfficer> next = new ArrayList<>(officers);
    next.add(officer);
    officers = next;
    record(now, by, CaseAction.Kind.OFFICER_ASSIGNED, "officer " + name + " assigned");
    return officer;
  }

  public void recordSeizure(Seizure seizure) {
    if (seizures.size() >= MAX_SEIZURES) {
      throw full("seizures", MAX_SEIZURES + " seizures");
    }
    List<Seizure> next = new ArrayList<>(seizures);
    next.add(seizure);
    seizures = next;
    record(
        seizure.recordedAt(),
        seizure.recordedBy(),
        CaseAction.Kind.SEIZURE_RECORDED,
        "seized "
            + seizure.quantity().toPlainString()
            + " "
            + seizure.unit()
            + " "
            + seizure.item());
  }

  /** Adds an entry to the timeline. */
  public CaseAction record(OffsetDateTime at, String author, CaseAction.Kind kind, String text) {
    if (actions.size() >= MAX_TIMELINE) {
      throw full("timeline", MAX_TIMELINE + " timeline entries");
    }
    CaseAction action = new CaseAction(at, author, kind, text);
    List<CaseAction> next = new ArrayList<>(actions);
    next.add(action);
    actions = next;
    return action;
  }

  private ProblemException full(String what, String limit) {
    return ProblemException.conflict(
        "case-full", "case " + number + " holds " + limit + " already (" + what + " is full)");
  }

  public UUID id() {
    return id;
  }

  public String number() {
    return number;
  }

  public CaseKind kind() {
    return kind;
  }

  public CaseSource source() {
    return source;
  }

  public CaseStatus status() {
    return status;
  }

  public Details details() {
    return new Details(
        kind,
        summary,
        reportedAt,
        townCode,
        townName,
        address,
        leadUnitId,
        List.copyOf(partnerAgencies),
        List.copyOf(parties),
        new Impact(confirmedInfections, underMedicalObservation, compoundsSealed, buildingsSealed));
  }

  public List<AssignedOfficer> officers() {
    return List.copyOf(officers);
  }

  public List<Seizure> seizures() {
    return List.copyOf(seizures);
  }

  public List<CaseAction> actions() {
    return List.copyOf(actions);
  }

  public String legalBasis() {
    return legalBasis;
  }

  public UUID linkedTaskId() {
    return linkedTaskId;
  }

  public String reportedBy() {
    return reportedBy;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime closedAt() {
    return closedAt;
  }

  public long version() {
    return version;
  }
}
