package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person or team was sent from one unit to support another, for a period and a task. */
public record DeploymentStarted(
    UUID deploymentId,
    UUID fromUnitId,
    UUID toUnitId,
    String task,
    LocalDate startsOn,
    LocalDate endsOn,
    int headcount,
    List<UUID> personIds)
    implements DomainEvent {

  static DeploymentStarted of(Deployment d) {
    return new DeploymentStarted(
        d.id(),
        d.fromUnitId(),
        d.toUnitId(),
        d.task(),
        d.startsOn(),
        d.endsOn(),
        d.headcount(),
        d.members());
  }

  @Override
  public String aggregateType() {
    return "Deployment";
  }

  @Override
  public String aggregateId() {
    return deploymentId.toString();
  }
}
