package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.risk.Symptom;
import cn.gov.jingyang.ops.platform.events.DomainEvent;
import cn.gov.jingyang.ops.platform.gazetteer.Place;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Events of inspection records (contracts/events/checkpoint/InspectionRecorded, OccupantFlagged).
 */
public final class InspectionEvents {

  private InspectionEvents() {}

  /** A Inspection event: the Inspection is its aggregate, inspectionId its key. */
  public interface InspectionEvent extends DomainEvent {
    UUID inspectionId();

    @Override
    default String aggregateType() {
      return "Inspection";
    }

    @Override
    default String aggregateId() {
      return inspectionId().toString();
    }
  }

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
      UUID inspectorId,
      String inspectorAgency,
      int occupantCount,
      int flaggedCount,
      int riskRulesVersion,
      List<OccupantSummary> occupants)
      implements InspectionEvent {}

  /**
   * Why an occupant needs a follow-up: the risk rules' reasons, or the officer's decision
   * (HOME_QUARANTINE or REFERRED_TO_HEALTH) for an occupant no rule flagged.
   */
  public enum FlagReason {
    FROM_RISK_REGION,
    STAYED_IN_RISK_AREA,
    FEVER,
    SYMPTOMS,
    OFFICER_DECISION;

    static List<FlagReason> of(Occupant o) {
      if (!o.flagged()) {
        return List.of(OFFICER_DECISION);
      }
      return o.flagReasons().stream().map(r -> FlagReason.valueOf(r.name())).toList();
    }
  }

  /**
   * An occupant needs a follow-up: the risk rules flagged them, or the officer decided on home
   * quarantine or referral to health (reason OFFICER_DECISION). What case-service needs to open a
   * household-verification task at the police station of {@code destinationTownCode} (the
   * gazetteer's code; null when the written town did not resolve). {@code idNumber} and {@code
   * phone} are masked; {@code idNumberSealed} and {@code phoneSealed} are the values the occupant's
   * row holds, sealed ({@link PersonalDataSealing}), which only a service configured with the key
   * (case-service) opens. No ID number or phone in clear leaves the service.
   */
  public record OccupantFlagged(
      UUID inspectionId,
      UUID occupantId,
      UUID checkpointId,
      String checkpointCode,
      OffsetDateTime inspectedAt,
      Direction direction,
      VehicleKind vehicleKind,
      String plate,
      String inspector,
      UUID inspectorId,
      String inspectorAgency,
      String recordedBy,
      String name,
      String idNumber,
      String idNumberSealed,
      String phone,
      String phoneSealed,
      String originProvince,
      String originCity,
      BigDecimal temperature,
      List<Symptom> symptoms,
      String destinationTown,
      String destinationTownCode,
      Place.Resolution destinationTownResolution,
      String destinationAddress,
      OccupantResult result,
      List<FlagReason> reasons,
      Integer riskRulesVersion)
      implements InspectionEvent {

    static OccupantFlagged of(
        Inspection i, String checkpointCode, Occupant o, PersonalDataSealing sealing) {
      return new OccupantFlagged(
          i.id(),
          o.id(),
          i.checkpointId(),
          checkpointCode,
          i.inspectedAt(),
          i.direction(),
          i.vehicleKind(),
          i.plate(),
          i.inspector(),
          i.inspectorId(),
          i.inspectorAgency(),
          i.recordedBy(),
          o.name(),
          PersonalData.maskIdNumber(o.idNumber(sealing)),
          o.sealedIdNumber(),
          PersonalData.maskPhone(o.phone(sealing)),
          o.sealedPhone(),
          o.originProvince(),
          o.originCity(),
          o.temperature(),
          o.symptoms(),
          o.destinationTown(),
          o.destinationTownCode(),
          o.destinationTownResolution(),
          o.destinationAddress(),
          o.result(),
          FlagReason.of(o),
          i.riskRulesVersion());
    }
  }
}
