package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.checkpoint.CheckpointRepository;
import cn.gov.jingyang.ops.checkpoint.config.CheckpointConfig;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.InspectionRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionEvents.OccupantFlagged;
import cn.gov.jingyang.ops.checkpoint.personnel.PersonReferences;
import cn.gov.jingyang.ops.checkpoint.risk.RiskPolicy;
import cn.gov.jingyang.ops.checkpoint.statistics.StatisticsRepository;
import cn.gov.jingyang.ops.checkpoint.statistics.StatisticsRepository.DayIncrement;
import cn.gov.jingyang.ops.platform.gazetteer.Gazetteer;
import cn.gov.jingyang.ops.platform.outbox.Outbox;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

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
  private final PersonalDataSealing sealing;

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
      RecordingScope scope,
      PersonalDataSealing sealing) {
    this.sealing = sealing;
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

  /** A preparation for one request's records, under the risk rules in force now. */
  RecordPreparation preparation() {
    return new RecordPreparation(
        checkpoints, scope, people, gazetteer, config, risk.current(), sealing);
  }

  @Transactional
  public Recorded record(InspectionRequest r, String recordedBy) {
    Optional<Inspection> earlier = inspections.findByClientRecordId(r.clientRecordId());
    if (earlier.isPresent()) {
      return new Recorded(earlier.get(), false);
    }
    RecordPreparation.Prepared p = preparation().prepare(r);
    if (!inspections.insertIfNew(
        p.id(),
        r,
        p.plate(),
        p.inspector(),
        recordedBy,
        p.occupants().size(),
        p.flagged(),
        p.rulesVersion())) {
      // a concurrent upload of the same record won the race; answer with what it stored
      return new Recorded(
          inspections.findByClientRecordId(r.clientRecordId()).orElseThrow(), false);
    }
    p.occupants().forEach(em::persist);
    em.flush();
    statistics.add(
        List.of(DayIncrement.of(p.checkpoint().id(), p.day(), p.vehicle(), p.occupants())));
    Inspection inspection = inspections.require(p.id());
    appendEvents(inspection, p.checkpoint().code());
    return new Recorded(inspection, true);
  }

  /**
   * The events of a stored record: InspectionRecorded, then an OccupantFlagged per occupant flagged
   * by the rules or sent to home quarantine or health by the officer.
   */
  void appendEvents(Inspection inspection, String checkpointCode) {
    List<Occupant> occupants = inspection.occupants();
    outbox.append(
        new InspectionEvents.InspectionRecorded(
            inspection.id(),
            inspection.clientRecordId(),
            inspection.checkpointId(),
            checkpointCode,
            inspection.inspectedAt(),
            inspection.direction(),
            inspection.plate(),
            inspection.vehicleKind(),
            inspection.inspector(),
            inspection.inspectorId(),
            inspection.inspectorAgency(),
            occupants.size(),
            inspection.flaggedCount(),
            inspection.riskRulesVersion(),
            occupants.stream()
                .map(
                    o ->
                        new InspectionEvents.OccupantSummary(o.position(), o.result(), o.flagged()))
                .toList()));
    for (Occupant o : occupants) {
      if (o.flagged() || o.needsFollowUp()) {
        outbox.append(OccupantFlagged.of(inspection, checkpointCode, o, sealing));
      }
    }
  }
}
