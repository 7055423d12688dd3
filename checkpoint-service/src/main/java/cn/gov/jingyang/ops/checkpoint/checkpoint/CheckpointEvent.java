package cn.gov.jingyang.ops.checkpoint.checkpoint;

import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.util.UUID;

/**
 * An event of a Checkpoint: the Checkpoint is its aggregate and checkpointId the key (so events of
 * one Checkpoint keep their order). Event records implement this instead of repeating the two
 * methods.
 */
public interface CheckpointEvent extends DomainEvent {

  UUID checkpointId();

  @Override
  default String aggregateType() {
    return "Checkpoint";
  }

  @Override
  default String aggregateId() {
    return checkpointId().toString();
  }
}
