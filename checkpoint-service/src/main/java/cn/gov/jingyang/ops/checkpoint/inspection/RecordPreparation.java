package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.checkpoint.Checkpoint;
import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.checkpoint.config.CheckpointConfig;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.InspectionRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.OccupantRequest;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonReferences;
import cn.gov.jingyang.ops.checkpoint.risk.RiskPolicy;
import cn.gov.jingyang.ops.checkpoint.risk.RiskRules;
import cn.gov.jingyang.ops.platform.gazetteer.Gazetteer;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.time.DistrictDays;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks records and judges their occupants before anything is written: what Bean Validation cannot
 * check (plate, ID check digit and birth date, a time in the future), the checkpoint (known,
 * operating then, in the caller's {@link RecordingScope}), the inspector reference, then the risk
 * rules and the gazetteer. One preparation serves a whole batch, under one version of the risk
 * rules, and looks each checkpoint, scope day and inspector up once; an accepted occupant's ID
 * number and phone are sealed as it is built, in the same loop. A record that fails throws a {@link
 * ProblemException} naming its field; the others are not affected.
 */
final class RecordPreparation {

  /** A record checked and judged: what storing it writes. */
  record Prepared(
      UUID id,
      InspectionRequest request,
      String plate,
      Checkpoint checkpoint,
      PersonReferences.Reference inspector,
      List<Occupant> occupants,
      int flagged,
      int rulesVersion) {

    LocalDate day() {
      return DistrictDays.dayOf(request.inspectedAt());
    }

    boolean vehicle() {
      return plate != null || request.vehicleKind().isVehicle();
    }
  }

  private final CheckpointRepository checkpoints;
  private final RecordingScope scope;
  private final PersonReferences people;
  private final Gazetteer gazetteer;
  private final CheckpointConfig config;
  private final RiskPolicy.Judge rules;
  private final PersonalDataSealing sealing;
  private final Map<UUID, Checkpoint> checkpointById = new HashMap<>();
  private final Set<List<Object>> scopeGranted = new HashSet<>();
  private final Map<List<Object>, PersonReferences.Reference> inspectors = new HashMap<>();

  RecordPreparation(
      CheckpointRepository checkpoints,
      RecordingScope scope,
      PersonReferences people,
      Gazetteer gazetteer,
      CheckpointConfig config,
      RiskPolicy.Judge rules,
      PersonalDataSealing sealing) {
    this.checkpoints = checkpoints;
    this.scope = scope;
    this.people = people;
    this.gazetteer = gazetteer;
    this.config = config;
    this.rules = rules;
    this.sealing = sealing;
  }

  Prepared prepare(InspectionRequest r) {
    String plate = plate(r);
    checkIdNumbers(r.occupants());
    if (r.inspectedAt().isAfter(OffsetDateTime.now().plus(config.inspection().clockTolerance()))) {
      throw ProblemException.unprocessable("inspectedAt", "lies in the future");
    }
    Checkpoint checkpoint = checkpoint(r.checkpointId());
    List<Object> scopeDay = List.of(checkpoint.id(), DistrictDays.dayOf(r.inspectedAt()));
    if (!scopeGranted.contains(scopeDay)) {
      scope.requireMayRecordAt(checkpoint, r.inspectedAt());
      scopeGranted.add(scopeDay);
    }
    checkpoint.requireOperatingAt(r.inspectedAt());
    PersonReferences.Reference inspector = inspector(r);

    UUID id = UUID.randomUUID();
    List<Occupant> occupants = new ArrayList<>(r.occupants().size());
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
      occupants.add(
          Occupant.of(id, i, o, reasons, gazetteer.resolve(o.destinationTown()), sealing));
    }
    int flagged = (int) occupants.stream().filter(Occupant::flagged).count();
    return new Prepared(id, r, plate, checkpoint, inspector, occupants, flagged, rules.version());
  }

  private Checkpoint checkpoint(UUID id) {
    Checkpoint known = checkpointById.get(id);
    if (known == null) {
      known = checkpoints.require(id);
      checkpointById.put(id, known);
    }
    return known;
  }

  private PersonReferences.Reference inspector(InspectionRequest r) {
    List<Object> key = Arrays.asList(r.inspectorId(), r.inspectorName(), r.inspectorAgency());
    PersonReferences.Reference known = inspectors.get(key);
    if (known == null) {
      known = people.resolve("inspector", r.inspectorId(), r.inspectorName(), r.inspectorAgency());
      inspectors.put(key, known);
    }
    return known;
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
