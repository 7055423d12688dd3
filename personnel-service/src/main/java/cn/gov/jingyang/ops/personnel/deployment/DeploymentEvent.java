package cn.gov.jingyang.ops.personnel.deployment;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

/**
 * An event of a Deployment: the Deployment is its aggregate and deploymentId the key (so events of
 * one Deployment keep their order). Event records implement this instead of repeating the two
 * methods.
 */
public interface DeploymentEvent extends DomainEvent {

  UUID deploymentId();

  @Override
  default String aggregateType() {
    return "Deployment";
  }

  @Override
  default String aggregateId() {
    return deploymentId().toString();
  }
}
