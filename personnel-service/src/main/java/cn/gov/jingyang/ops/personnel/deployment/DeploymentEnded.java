package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A deployment ended: the people went back to their own unit. */
public record DeploymentEnded(
    UUID deploymentId,
    UUID fromUnitId,
    UUID toUnitId,
    LocalDate endedOn,
    String note,
    List<UUID> personIds)
    implements DomainEvent {

  @Override
  public String aggregateType() {
    return "Deployment";
  }

  @Override
  public String aggregateId() {
    return deploymentId.toString();
  }
}
