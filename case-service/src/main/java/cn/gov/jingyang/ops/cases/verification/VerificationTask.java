package cn.gov.jingyang.ops.cases.verification;

import cn.gov.jingyang.ops.platform.pii.SealedText;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A household-verification task (入户核查任务): one key person to be visited by the station covering
 * their town. Its status moves only along {@link TaskStatus#allowedNext()}.
 */
@Entity
@Table(name = "verification_task")
public class VerificationTask {

  @Id private UUID id;

  /** Sealed in the database ({@link SealedText}); in clear here. */
  @Column(name = "id_number")
  @Convert(converter = SealedText.class)
  private String idNumber;

  /** The keyed hash of the ID number: the open task per person is unique by it. */
  @Column(name = "id_number_lookup")
  private String idNumberLookup;

  @Column(name = "person_name")
  private String personName;

  @Convert(converter = SealedText.class)
  private String phone;

  private String address;
  private String town;

  @Column(name = "town_code")
  private String townCode;

  @Column(name = "station_unit_id")
  private UUID stationUnitId;

  @Enumerated(EnumType.STRING)
  private TaskStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "first_source")
  private SourceKind firstSource;

  @Column(name = "due_at")
  private OffsetDateTime dueAt;

  private String assignee;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  @Column(name = "outcome_note")
  private String outcomeNote;

  @Column(name = "unreachable_reason")
  private String unreachableReason;

  @Column(name = "escalated_to_unit_id")
  private UUID escalatedToUnitId;

  @Column(name = "escalation_reason")
  private String escalationReason;

  @Column(name = "created_at")
  private OffsetDateTime createdAt;

  @Column(name = "created_by")
  private String createdBy;

  @Column(name = "assigned_at")
  private OffsetDateTime assignedAt;

  @Column(name = "visited_at")
  private OffsetDateTime visitedAt;

  @Column(name = "unreachable_since")
  private OffsetDateTime unreachableSince;

  @Column(name = "escalated_at")
  private OffsetDateTime escalatedAt;

  @Column(name = "completed_at")
  private OffsetDateTime completedAt;

  @Column(name = "completed_by")
  private String completedBy;

  @Version private long version;

  @OneToMany(mappedBy = "task", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
  @OrderBy("addedAt ASC, id ASC")
  private List<TaskSource> sources = new ArrayList<>();

  protected VerificationTask() {}

  static VerificationTask open(
      KeyPerson person,
      String idNumberLookup,
      SourceRef source,
      UUID station,
      OffsetDateTime dueAt,
      OffsetDateTime at,
      String by) {
    VerificationTask t = new VerificationTask();
    t.id = UUID.randomUUID();
    t.idNumber = person.idNumber();
    t.idNumberLookup = idNumberLookup;
    t.personName = person.name();
    t.phone = person.phone();
    t.address = person.address();
    t.town = person.town();
    t.townCode = person.townCode();
    t.stationUnitId = station;
    t.status = TaskStatus.PENDING;
    t.firstSource = source.kind();
    t.dueAt = dueAt;
    t.createdAt = at;
    t.createdBy = by;
    t.sources.add(TaskSource.of(t, source, at, by));
    return t;
  }

  /** Another source names the person: kept, and the task is due by the earlier of both. */
  TaskSource addSource(SourceRef source, OffsetDateTime due, OffsetDateTime at, String by) {
    TaskSource added = TaskSource.of(this, source, at, by);
    sources.add(added);
    if (due.isBefore(dueAt)) {
      dueAt = due;
    }
    return added;
  }

  /** Moves the task to another station (or the district queue); an escalation starts afresh. */
  void routeTo(UUID station) {
    stationUnitId = station;
    escalatedToUnitId = null;
    escalatedAt = null;
    escalationReason = null;
  }

  void assign(String officer, OffsetDateTime at) {
    move(TaskStatus.ASSIGNED);
    assignee = officer;
    assignedAt = at;
    unreachableSince = null;
    unreachableReason = null;
  }

  void visit(OffsetDateTime at) {
    move(TaskStatus.VISITED);
    visitedAt = at;
  }

  void unreachable(String reason, OffsetDateTime at) {
    move(TaskStatus.UNREACHABLE);
    unreachableReason = reason;
    unreachableSince = at;
  }

  void complete(Outcome result, String note, OffsetDateTime at, String by) {
    move(TaskStatus.COMPLETED);
    outcome = result;
    outcomeNote = note;
    completedAt = at;
    completedBy = by;
  }

  void escalate(UUID parent, String reason, OffsetDateTime at) {
    escalatedToUnitId = parent;
    escalationReason = reason;
    escalatedAt = at;
  }

  private void move(TaskStatus next) {
    if (!status.allowedNext().contains(next)) {
      throw ProblemException.illegalTransition(status, next, status.allowedNext());
    }
    status = next;
  }

  public UUID id() {
    return id;
  }

  public String idNumber() {
    return idNumber;
  }

  public String personName() {
    return personName;
  }

  public String phone() {
    return phone;
  }

  public String address() {
    return address;
  }

  public String town() {
    return town;
  }

  public String townCode() {
    return townCode;
  }

  public UUID stationUnitId() {
    return stationUnitId;
  }

  public TaskStatus status() {
    return status;
  }

  public SourceKind firstSource() {
    return firstSource;
  }

  public OffsetDateTime dueAt() {
    return dueAt;
  }

  public String assignee() {
    return assignee;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String outcomeNote() {
    return outcomeNote;
  }

  public String unreachableReason() {
    return unreachableReason;
  }

  public UUID escalatedToUnitId() {
    return escalatedToUnitId;
  }

  public String escalationReason() {
    return escalationReason;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public OffsetDateTime assignedAt() {
    return assignedAt;
  }

  public OffsetDateTime visitedAt() {
    return visitedAt;
  }

  public OffsetDateTime unreachableSince() {
    return unreachableSince;
  }

  public OffsetDateTime escalatedAt() {
    return escalatedAt;
  }

  public OffsetDateTime completedAt() {
    return completedAt;
  }

  public String completedBy() {
    return completedBy;
  }

  public long version() {
    return version;
  }

  public List<TaskSource> sources() {
    return List.copyOf(sources);
  }
}
