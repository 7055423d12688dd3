package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.personnel.person.Person;
import cn.gov.jingyang.ops.personnel.person.PersonCategory;
import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.personnel.unit.UnitRepository;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.transaction.Flush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeploymentService {

  private final DeploymentRepository deployments;
  private final UnitRepository units;
  private final PersonRepository people;
  private final Outbox outbox;

  public DeploymentService(
      DeploymentRepository deployments,
      UnitRepository units,
      PersonRepository people,
      Outbox outbox) {
    this.deployments = deployments;
    this.units = units;
    this.people = people;
    this.outbox = outbox;
  }

  @Transactional
  public Deployment start(DeploymentApi.StartDeployment r) {
    units.requireReferenced("fromUnitId", r.fromUnitId());
    String targetsField;
    List<DeploymentTarget> targets = new ArrayList<>();
    if (r.targets() != null && !r.targets().isEmpty()) {
      if (r.toUnitId() != null) {
        throw ProblemException.badRequest("toUnitId", "give targets or toUnitId, not both");
      }
      targetsField = "targets";
      for (int i = 0; i < r.targets().size(); i++) {
        DeploymentApi.Target t = r.targets().get(i);
        if (t.kind() == DeploymentTarget.Kind.UNIT) {
          units.requireReferenced("targets[" + i + "].id", t.id());
        }
        targets.add(new DeploymentTarget(t.kind(), t.id()));
      }
    } else if (r.toUnitId() != null) {
      targetsField = "toUnitId";
      units.requireReferenced("toUnitId", r.toUnitId());
      targets.add(new DeploymentTarget(DeploymentTarget.Kind.UNIT, r.toUnitId()));
    } else {
      throw ProblemException.badRequest("targets", "name at least one target (or toUnitId)");
    }
    List<UUID> ids = r.personIds() == null ? List.of() : r.personIds();
    int police = 0;
    int auxiliaries = 0;
    for (int i = 0; i < ids.size(); i++) {
      Person p = people.requireReferenced("personIds[" + i + "]", ids.get(i));
      p.requireActive();
      police += p.category() == PersonCategory.POLICE_OFFICER ? 1 : 0;
      auxiliaries += p.category() == PersonCategory.AUXILIARY_POLICE ? 1 : 0;
    }
    Deployment d =
        new Deployment(
            r.fromUnitId(),
            targets,
            targetsField,
            r.task(),
            r.startsOn(),
            r.endsOn(),
            ids,
            new Deployment.Headcount(r.headcount(), r.policeCount(), r.auxiliaryCount()),
            police,
            auxiliaries);
    deployments.persist(d);
    outbox.append(DeploymentStarted.of(d));
    return d;
  }

  /** Ends the deployment if it is still at {@code expectedVersion} (If-Match; 412 otherwise). */
  @Transactional
  public Deployment end(UUID id, long expectedVersion, DeploymentApi.EndDeployment r) {
    Deployment d = deployments.requireLocked(id);
    if (d.version() != expectedVersion) {
      throw ProblemException.preconditionFailed(
          "deployment "
              + id
              + " is at version "
              + d.version()
              + ", not "
              + expectedVersion
              + "; read it again");
    }
    d.end(r.endedOn(), r.note());
    Flush.orRefuse(deployments::flush, Flush::changedMeanwhile, Flush::changedMeanwhile);
    outbox.append(DeploymentEnded.of(d));
    return d;
  }
}
