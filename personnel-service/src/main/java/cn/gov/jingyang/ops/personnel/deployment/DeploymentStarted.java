package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.personnel.deployment.DeploymentApi.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person or team was sent from one unit to support others (units and checkpoints), for a period
 * and a task. {@code toUnitId} is the first unit target (null when only checkpoints).
 */
public record DeploymentStarted(
    UUID deploymentId,
    UUID fromUnitId,
    UUID toUnitId,
    List<Target> targets,
    String task,
    LocalDate startsOn,
    LocalDate endsOn,
    int headcount,
    Integer policeCount,
    Integer auxiliaryCount,
    List<UUID> personIds)
    implements DeploymentEvent {

  static DeploymentStarted of(Deployment d) {
    return new DeploymentStarted(
        d.id(),
        d.fromUnitId(),
        d.toUnitId(),
        Target.of(d),
        d.task(),
        d.startsOn(),
        d.endsOn(),
        d.headcount(),
        d.policeCount(),
        d.auxiliaryCount(),
        d.members());
  }
}
