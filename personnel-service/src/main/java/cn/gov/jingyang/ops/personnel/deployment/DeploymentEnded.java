package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.personnel.deployment.DeploymentApi.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A deployment ended: the people went back to their own unit, from every target. */
public record DeploymentEnded(
    UUID deploymentId,
    UUID fromUnitId,
    UUID toUnitId,
    List<Target> targets,
    LocalDate endedOn,
    String note,
    int headcount,
    Integer policeCount,
    Integer auxiliaryCount,
    List<UUID> personIds)
    implements DeploymentEvent {

  static DeploymentEnded of(Deployment d) {
    return new DeploymentEnded(
        d.id(),
        d.fromUnitId(),
        d.toUnitId(),
        Target.of(d),
        d.endedOn(),
        d.endNote(),
        d.headcount(),
        d.policeCount(),
        d.auxiliaryCount(),
        d.members());
  }
}
