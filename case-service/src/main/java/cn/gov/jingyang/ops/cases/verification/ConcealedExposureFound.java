package cn.gov.jingyang.ops.cases.verification;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Fired (as a CDI event, inside the transaction that completes the task) when a verification ends
 * with CONCEALED_EXPOSURE: an observer opens the CONCEALMENT_OF_EXPOSURE case linked to the task.
 * It fires once per task — a repeated completion changes nothing and fires nothing — and the case's
 * unique linked task id keeps it one case whatever happens. The ID number and phone are in clear:
 * the event stays in this service's memory, and the case stores them sealed ({@code
 * SealedParties}).
 */
public record ConcealedExposureFound(
    UUID taskId,
    String personName,
    String idNumber,
    String phone,
    String address,
    String townCode,
    UUID stationUnitId,
    String note,
    OffsetDateTime completedAt,
    String completedBy) {

  static ConcealedExposureFound of(VerificationTask t) {
    return new ConcealedExposureFound(
        t.id(),
        t.personName(),
        t.idNumber(),
        t.phone(),
        t.address(),
        t.townCode(),
        t.stationUnitId(),
        t.outcomeNote(),
        t.completedAt(),
        t.completedBy());
  }
}
