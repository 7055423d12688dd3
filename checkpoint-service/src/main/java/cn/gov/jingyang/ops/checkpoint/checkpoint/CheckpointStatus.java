package cn.gov.jingyang.ops.checkpoint.checkpoint;

import java.util.List;

/** PLANNED → ACTIVE ⇄ SUSPENDED → CLOSED. */
public enum CheckpointStatus {
  PLANNED,
  ACTIVE,
  SUSPENDED,
  CLOSED;

  public List<CheckpointStatus> allowedNext() {
    return switch (this) {
      case PLANNED -> List.of(ACTIVE);
      case ACTIVE -> List.of(SUSPENDED, CLOSED);
      case SUSPENDED -> List.of(ACTIVE, CLOSED);
      case CLOSED -> List.of();
    };
  }
}
