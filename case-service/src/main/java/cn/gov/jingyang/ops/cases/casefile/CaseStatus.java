package cn.gov.jingyang.ops.cases.casefile;

import java.util.List;

/**
 * REPORTED → ACCEPTED → UNDER_INVESTIGATION → ADMINISTRATIVE_PENALTY | CRIMINAL_CASE_FILED |
 * MEDIATED | NO_VIOLATION → CLOSED.
 */
public enum CaseStatus {
  REPORTED,
  ACCEPTED,
  UNDER_INVESTIGATION,
  ADMINISTRATIVE_PENALTY,
  CRIMINAL_CASE_FILED,
  MEDIATED,
  NO_VIOLATION,
  CLOSED;

  public List<CaseStatus> allowedNext() {
    return switch (this) {
      case REPORTED -> List.of(ACCEPTED);
      case ACCEPTED -> List.of(UNDER_INVESTIGATION);
      case UNDER_INVESTIGATION ->
          List.of(ADMINISTRATIVE_PENALTY, CRIMINAL_CASE_FILED, MEDIATED, NO_VIOLATION);
      case ADMINISTRATIVE_PENALTY, CRIMINAL_CASE_FILED, MEDIATED, NO_VIOLATION -> List.of(CLOSED);
      case CLOSED -> List.of();
    };
  }
}
