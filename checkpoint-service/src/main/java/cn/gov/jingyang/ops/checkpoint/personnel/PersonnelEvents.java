package cn.gov.jingyang.ops.checkpoint.personnel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The data of the personnel events this service consumes (contracts/events/personnel). */
final class PersonnelEvents {

  private PersonnelEvents() {}

  /**
   * PersonRegistered and PersonUpdated: the whole state of a person; PersonSnapshot (state topic)
   * also says since and until when its duty status holds.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PersonSnapshot(
      UUID personId,
      String category,
      String name,
      UUID unitId,
      DutyStatus dutyStatus,
      OffsetDateTime dutyStatusSince,
      OffsetDateTime dutyStatusUntil,
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

  @JsonIgnoreProperties(ignoreUnknown = true)
  record FatigueAlertRaised(
      UUID alertId, UUID personId, int consecutiveDutyDays, OffsetDateTime raisedAt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record FatigueAlertCleared(UUID alertId, UUID personId) {}
}
