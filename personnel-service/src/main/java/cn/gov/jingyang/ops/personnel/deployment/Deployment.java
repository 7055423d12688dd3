package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A person or a team of one unit sent to support another for a period and a task. The named members
 * may be fewer than the headcount (e.g. "51 officers and 10 auxiliaries").
 */
@Entity
@Table(name = "deployment")
public class Deployment {

  @Id private UUID id;

  @Column(name = "from_unit_id")
  private UUID fromUnitId;

  @Column(name = "to_unit_id")
  private UUID toUnitId;

  private String task;

  @Column(name = "starts_on")
  private LocalDate startsOn;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  private int headcount;

  @Column(name = "ended_on")
  private LocalDate endedOn;

  @Column(name = "end_note")
  private String endNote;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "deployment_member", joinColumns = @JoinColumn(name = "deployment_id"))
  @Column(name = "person_id")
  private Set<UUID> members = new LinkedHashSet<>();

  @Version private long version;

  protected Deployment() {}

  public Deployment(
      UUID fromUnitId,
      UUID toUnitId,
      String task,
      LocalDate startsOn,
      LocalDate endsOn,
      List<UUID> members,
      Integer headcount) {
    if (fromUnitId.equals(toUnitId)) {
      throw ProblemException.badRequest("toUnitId", "a deployment goes to another unit");
    }
    if (endsOn != null && endsOn.isBefore(startsOn)) {
      throw ProblemException.badRequest("endsOn", "must not be before startsOn");
    }
    Set<UUID> named = members == null ? new LinkedHashSet<>() : new LinkedHashSet<>(members);
    int count = headcount == null ? named.size() : headcount;
    if (count < 1) {
      throw ProblemException.badRequest(
          "personIds", "a deployment sends at least one person: name them or give a headcount");
    }
    if (count < named.size()) {
      throw ProblemException.badRequest("headcount", "must be at least the number of named people");
    }
    this.id = UUID.randomUUID();
    this.fromUnitId = fromUnitId;
    this.toUnitId = toUnitId;
    this.task = task;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.members = named;
    this.headcount = count;
  }

  public void end(LocalDate on, String note) {
    if (endedOn != null) {
      throw ProblemException.conflict(
          "deployment-ended", "deployment " + id + " ended on " + endedOn);
    }
    if (on.isBefore(startsOn)) {
      throw ProblemException.badRequest(
          "endedOn", "must not be before the deployment started (" + startsOn + ")");
    }
    endedOn = on;
    endNote = note;
  }

  /** Current on a day: started, and neither ended nor past its planned end. */
  public boolean currentOn(LocalDate day) {
    return !startsOn.isAfter(day)
        && (endedOn == null || endedOn.isAfter(day))
        && (endsOn == null || !endsOn.isBefore(day));
  }

  public UUID id() {
    return id;
  }

  public UUID fromUnitId() {
    return fromUnitId;
  }

  public UUID toUnitId() {
    return toUnitId;
  }

  public String task() {
    return task;
  }

  public LocalDate startsOn() {
    return startsOn;
  }

  public LocalDate endsOn() {
    return endsOn;
  }

  public int headcount() {
    return headcount;
  }

  public LocalDate endedOn() {
    return endedOn;
  }

  public String endNote() {
    return endNote;
  }

  public List<UUID> members() {
    return List.copyOf(members);
  }

  public long version() {
    return version;
  }
}
