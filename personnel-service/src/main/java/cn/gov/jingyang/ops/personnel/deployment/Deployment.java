package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A person or a team of one unit sent to support others for a period and a task: one deployment may
 * go to several targets (police stations and other units, and checkpoints), e.g. the traffic
 * brigade's 51 officers and 10 auxiliaries to five checkpoints and two stations. The named members
 * may be fewer than the headcount.
 */
@Entity
@Table(name = "deployment")
public class Deployment {

  /** How many are sent: in all, and (when known) police officers and auxiliaries. */
  public record Headcount(Integer total, Integer police, Integer auxiliary) {}

  @Id private UUID id;

  @Column(name = "from_unit_id")
  private UUID fromUnitId;

  /** The first UNIT target (null when only checkpoints), kept for readers of the single target. */
  @Column(name = "to_unit_id")
  private UUID toUnitId;

  private String task;

  @Column(name = "starts_on")
  private LocalDate startsOn;

  @Column(name = "ends_on")
  private LocalDate endsOn;

  private int headcount;

  @Column(name = "police_count")
  private Integer policeCount;

  @Column(name = "auxiliary_count")
  private Integer auxiliaryCount;

  @Column(name = "ended_on")
  private LocalDate endedOn;

  @Column(name = "end_note")
  private String endNote;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "deployment_member", joinColumns = @JoinColumn(name = "deployment_id"))
  @Column(name = "person_id")
  private Set<UUID> members = new LinkedHashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "deployment_target", joinColumns = @JoinColumn(name = "deployment_id"))
  @OrderColumn(name = "position")
  private List<DeploymentTarget> targets = new ArrayList<>();

  @Version private long version;

  protected Deployment() {}

  /**
   * A new deployment. {@code targetsField} names the request field of the targets in errors ({@code
   * targets}, or {@code toUnitId} for a request in the single-target form); {@code namedPolice} and
   * {@code namedAuxiliaries} count the named people of each category.
   */
  public Deployment(
      UUID fromUnitId,
      List<DeploymentTarget> targets,
      String targetsField,
      String task,
      LocalDate startsOn,
      LocalDate endsOn,
      List<UUID> members,
      Headcount count,
      int namedPolice,
      int namedAuxiliaries) {
    if (targets.isEmpty()) {
      throw ProblemException.badRequest(targetsField, "a deployment goes to at least one target");
    }
    for (int i = 0; i < targets.size(); i++) {
      DeploymentTarget t = targets.get(i);
      String field =
          targets.size() == 1 && "toUnitId".equals(targetsField)
              ? targetsField
              : targetsField + "[" + i + "]";
      if (t.kind() == DeploymentTarget.Kind.UNIT && t.targetId().equals(fromUnitId)) {
        throw ProblemException.badRequest(field, "a deployment goes to another unit");
      }
      for (int j = 0; j < i; j++) {
        if (targets.get(j).sameAs(t)) {
          throw ProblemException.badRequest(field, "the same target twice");
        }
      }
    }
    if (endsOn != null && endsOn.isBefore(startsOn)) {
      throw ProblemException.badRequest("endsOn", "must not be before startsOn");
    }
    Set<UUID> named = members == null ? new LinkedHashSet<>() : new LinkedHashSet<>(members);
    int total = total(count, named.size());
    if (count.police() != null && count.police() < namedPolice) {
      throw ProblemException.badRequest(
          "policeCount", "fewer than the " + namedPolice + " police officers named");
    }
    if (count.auxiliary() != null && count.auxiliary() < namedAuxiliaries) {
      throw ProblemException.badRequest(
          "auxiliaryCount", "fewer than the " + namedAuxiliaries + " auxiliaries named");
    }
    if (total < named.size()) {
      throw ProblemException.badRequest("headcount", "must be at least the number of named people");
    }
    this.id = UUID.randomUUID();
    this.fromUnitId = fromUnitId;
    this.targets = new ArrayList<>(targets);
    this.toUnitId =
        targets.stream()
            .filter(t -> t.kind() == DeploymentTarget.Kind.UNIT)
            .map(DeploymentTarget::targetId)
            .findFirst()
            .orElse(null);
    this.task = task;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.members = named;
    this.headcount = total;
    this.policeCount = count.police();
    this.auxiliaryCount = count.auxiliary();
  }

  /**
   * The total: given, or police + auxiliaries when both are given, or the number named; a given
   * total must equal police + auxiliaries when both are given too.
   */
  private static int total(Headcount count, int named) {
    Integer split =
        count.police() != null && count.auxiliary() != null
            ? count.police() + count.auxiliary()
            : null;
    if (count.total() != null && split != null && !count.total().equals(split)) {
      throw ProblemException.badRequest(
          "headcount", "must be policeCount + auxiliaryCount (" + split + ") when all are given");
    }
    int total = count.total() != null ? count.total() : split != null ? split : named;
    if (total < 1) {
      throw ProblemException.badRequest(
          "personIds", "a deployment sends at least one person: name them or give a headcount");
    }
    int part =
        (count.police() == null ? 0 : count.police())
            + (count.auxiliary() == null ? 0 : count.auxiliary());
    if (part > total) {
      throw ProblemException.badRequest(
          "headcount", "must be at least policeCount + auxiliaryCount (" + part + ")");
    }
    return total;
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

  public Integer policeCount() {
    return policeCount;
  }

  public Integer auxiliaryCount() {
    return auxiliaryCount;
  }

  public List<DeploymentTarget> targets() {
    return List.copyOf(targets);
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
