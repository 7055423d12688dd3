package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.risk.RiskReason;
import cn.gov.jingyang.ops.checkpoint.risk.Symptom;
import cn.gov.jingyang.ops.platform.events.DomainEvent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Events of inspection records (contracts/events/checkpoint/InspectionRecorded, OccupantFlagged).
 */
public final class InspectionEvents {

  private InspectionEvents() {}

  public record OccupantSummary(int position, OccupantResult result, boolean flagged) {}

  /** An inspection was recorded; no personal data (the flags carry what follow-up needs). */
  public record InspectionRecorded(
      UUID inspectionId,
      UUID clientRecordId,
      UUID checkpointId,
      String checkpointCode,
      OffsetDateTime inspectedAt,
      Direction direction,
      String plate,
      VehicleKind vehicleKind,
      String inspector,
      int occupantCount,
      int flaggedCount,
      List<OccupantSummary> occupants)
      implements DomainEvent {
    public String aggregateType() {
      return "Inspection";
    }

    public String aggregateId() {
      return inspectionId.toString();
    }
  }

  /**
   * An occupant matched the risk rules: what case-service needs to open a household-verification
   * task at the destination's police station. Carries the full ID number and phone; the HTTP feed
   * and logs mask them.
   */
  public record OccupantFlagged(
      UUID inspectionId,
      UUID occupantId,
      UUID checkpointId,
      String checkpointCode,
      OffsetDateTime inspectedAt,
      String plate,
      String name,
      String idNumber,
      String phone,
      String originProvince,
      String originCity,
      BigDecimal temperature,
      List<Symptom> symptoms,
      String destinationTown,
      String destinationAddress,
      OccupantResult result,
      List<RiskReason> reasons)
      implements DomainEvent {
    public String aggregateType() {
      return "Inspection";
    }

    public String aggregateId() {
      return inspectionId.toString();
    }
  }
}
