package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.personnel.common.Flush;
import cn.gov.jingyang.ops.personnel.person.PersonRepository;
import cn.gov.jingyang.ops.personnel.unit.UnitRepository;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
    units.requireReferenced("toUnitId", r.toUnitId());
    List<UUID> ids = r.personIds() == null ? List.of() : r.personIds();
    for (int i = 0; i < ids.size(); i++) {
      people.requireReferenced("personIds[" + i + "]", ids.get(i)).requireActive();
    }
    Deployment d =
        new Deployment(
            r.fromUnitId(), r.toUnitId(), r.task(), r.startsOn(), r.endsOn(), ids, r.headcount());
    deployments.persist(d);
    outbox.append(DeploymentStarted.of(d));
    return d;
  }

  @Transactional
  public Deployment end(UUID id, DeploymentApi.EndDeployment r) {
    Deployment d = deployments.require(id);
    d.end(r.endedOn(), r.note());
    Flush.orRefuse(deployments::flush, Flush::changedMeanwhile, Flush::changedMeanwhile);
    outbox.append(
        new DeploymentEnded(
            d.id(), d.fromUnitId(), d.toUnitId(), d.endedOn(), r.note(), d.members()));
    return d;
  }
}
