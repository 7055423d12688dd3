package cn.gov.jingyang.ops.cases.personnel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The data of the personnel events this service consumes (contracts/events/personnel). */
final class PersonnelEvents {

  private PersonnelEvents() {}

  /** PersonRegistered and PersonUpdated: the whole state of a person. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PersonSnapshot(
      UUID personId,
      String category,
      String name,
      UUID unitId,
      DutyStatus dutyStatus,
      boolean active,
      long version) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record DutyStatusChanged(
      UUID personId,
      DutyStatus previousStatus,
      DutyStatus status,
      String reason,
      OffsetDateTime effectiveFrom,
      OffsetDateTime until) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PersonDeactivated(UUID personId, String reason, OffsetDateTime deactivatedAt) {}
}
