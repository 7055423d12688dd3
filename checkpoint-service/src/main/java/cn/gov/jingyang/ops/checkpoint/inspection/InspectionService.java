package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.checkpoint.config.CheckpointConfig;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.InspectionRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.OccupantRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionEvents.OccupantFlagged;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonReferences;
import cn.gov.jingyang.ops.checkpoint.risk.RiskPolicy;
import cn.gov.jingyang.ops.checkpoint.risk.RiskRules;
import cn.gov.jingyang.ops.checkpoint.statistics.StatisticsRepository;
import cn.gov.jingyang.ops.platform.gazetteer.Gazetteer;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records one inspection: validates what Bean Validation cannot (check digit, plate, checkpoint
 * operating, the caller's {@link RecordingScope}), applies the risk rules, resolves each
 * destination town against the gazetteer (an unknown name is kept, never rejected), and stores the
 * record, its statistics and its events (an OccupantFlagged per occupant flagged by the rules or
 * sent to home quarantine or health by the officer) in one transaction — or, if the client record
 * id is known, returns the first stored result.
 */
@ApplicationScoped
public class InspectionService {

  public record Recorded(Inspection inspection, boolean created) {}

  private final InspectionRepository inspections;
  private final CheckpointRepository checkpoints;
  private final StatisticsRepository statistics;
  private final RiskPolicy risk;
  private final Outbox outbox;
  private final EntityManager em;
  private final CheckpointConfig config;
  private final Gazetteer gazetteer;
  private final PersonReferences people;
  private final RecordingScope scope;

  public InspectionService(
      InspectionRepository inspections,
      CheckpointRepository checkpoints,
      StatisticsRepository statistics,
      RiskPolicy risk,
      Outbox outbox,
      EntityManager em,
      CheckpointConfig config,
      Gazetteer gazetteer,
      PersonReferences people,
      RecordingScope scope) {
    this.people = people;
    this.scope = scope;
    this.inspections = inspections;
    this.checkpoints = checkpoints;
    this.statistics = statistics;
    this.risk = risk;
    this.outbox = outbox;
    this.em = em;
    this.config = config;
    this.gazetteer = gazetteer;
  }

  @Transactional
  public Recorded record(InspectionRequest r, String recordedBy) {
    Optional<Inspection> earlier = inspections.findByClientRecordId(r.clientRecordId());
    if (earlier.isPresent()) {
      return new Recorded(earlier.get(), false);
    }
    String plate = plate(r);
    checkIdNumbers(r.occupants());
    if (r.inspectedAt().isAfter(OffsetDateTime.now().plus(config.inspection().clockTolerance()))) {
      throw ProblemException.unprocessable("inspectedAt", "lies in the future");
    }
    Checkpoint checkpoint = checkpoints.require(r.checkpointId());
    scope.requireMayRecordAt(checkpoint, r.inspectedAt());
    checkpoint.requireOperatingAt(r.inspectedAt());
    PersonReferences.Reference inspector =
        people.resolve("inspector", r.inspectorId(), r.inspectorName(), r.inspectorAgency());

    UUID id = UUID.randomUUID();
    RiskPolicy.Judge rules = risk.current();
    List<Occupant> occupants = new ArrayList<>();
    for (int i = 0; i < r.occupants().size(); i++) {
      OccupantRequest o = r.occupants().get(i);
      var reasons =
          rules.assess(
              new RiskRules.Facts(
                  o.originProvince(),
                  o.originCity(),
                  o.stayedInRiskArea(),
                  o.temperature(),
                  o.symptoms()));
      occupants.add(Occupant.of(id, i, o, reasons, gazetteer.resolve(o.destinationTown())));
    }
    int flagged = (int) occupants.stream().filter(Occupant::flagged).count();
    if (!inspections.insertIfNew(
        id, r, plate, inspector, recordedBy, occupants.size(), flagged, rules.version())) {
      // a concurrent upload of the same record won the race; answer with what it stored
      return new Recorded(
          inspections.findByClientRecordId(r.clientRecordId()).orElseThrow(), false);
    }
    occupants.forEach(em::persist);
    em.flush();
    statistics.add(
        checkpoint.id(), r.inspectedAt(), plate != null || r.vehicleKind().isVehicle(), occupants);
    Inspection inspection = inspections.require(id);
    outbox.append(
        new InspectionEvents.InspectionRecorded(
            id,
            r.clientRecordId(),
            checkpoint.id(),
            checkpoint.code(),
            inspection.inspectedAt(),
            inspection.direction(),
            plate,
            inspection.vehicleKind(),
            inspection.inspector(),
            inspection.inspectorId(),
            inspection.inspectorAgency(),
            occupants.size(),
            flagged,
            rules.version(),
            occupants.stream()
                .map(
                    o ->
                        new InspectionEvents.OccupantSummary(o.position(), o.result(), o.flagged()))
                .toList()));
    for (Occupant o : occupants) {
      if (o.flagged() || o.needsFollowUp()) {
        outbox.append(OccupantFlagged.of(inspection, checkpoint.code(), o));
      }
    }
    return new Recorded(inspection, true);
  }

  private static String plate(InspectionRequest r) {
    if (r.plate() == null || r.plate().isBlank()) {
      if (r.vehicleKind().isVehicle()) {
        throw ProblemException.badRequest("plate", "is required for a " + r.vehicleKind());
      }
      return null;
    }
    return PlateNumber.normalise(r.plate())
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "plate",
                    "is not a mainland plate: province abbreviation, a letter, 5 or 6 letters/digits (川F·12345)"));
  }

  private static void checkIdNumbers(List<OccupantRequest> occupants) {
    for (int i = 0; i < occupants.size(); i++) {
      String id = NationalIdNumber.normalise(occupants.get(i).idNumber());
      String field = "occupants[" + i + "].idNumber";
      if (!NationalIdNumber.hasValidCheckDigit(id)) {
        throw ProblemException.unprocessable(
            field, "check digit is wrong (ISO 7064 MOD 11-2); re-check the number");
      }
      if (!NationalIdNumber.hasValidBirthDate(id)) {
        throw ProblemException.unprocessable(field, "does not contain a valid birth date");
      }
    }
  }
}
