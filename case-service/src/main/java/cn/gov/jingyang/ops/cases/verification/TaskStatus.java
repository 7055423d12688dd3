package cn.gov.jingyang.ops.cases.verification;

import java.util.List;

/**
 * PENDING → ASSIGNED → VISITED → COMPLETED; ASSIGNED → UNREACHABLE (nobody home, escalated after a
 * while) → ASSIGNED again or COMPLETED (e.g. NOT_FOUND). Every status but COMPLETED is open.
 */
public enum TaskStatus {
  PENDING,
  ASSIGNED,
  VISITED,
  UNREACHABLE,
  COMPLETED;

  public List<TaskStatus> allowedNext() {
    return switch (this) {
      case PENDING -> List.of(ASSIGNED);
      case ASSIGNED -> List.of(ASSIGNED, VISITED, UNREACHABLE);
      case VISITED -> List.of(COMPLETED);
      case UNREACHABLE -> List.of(ASSIGNED, COMPLETED);
      case COMPLETED -> List.of();
    };
  }

  public boolean isOpen() {
    return this != COMPLETED;
  }
}
