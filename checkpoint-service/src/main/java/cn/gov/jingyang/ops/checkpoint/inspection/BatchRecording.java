package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.InspectionRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.RecordPreparation.Prepared;
import cn.gov.jingyang.ops.checkpoint.statistics.StatisticsRepository;
import cn.gov.jingyang.ops.checkpoint.statistics.StatisticsRepository.DayIncrement;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records a batch in one transaction, set-based: the records already stored are found in one query;
 * every other record is checked and judged in memory ({@link RecordPreparation}; one that fails is
 * refused alone); the rest are written with one statement for their headers and one for their
 * occupants ({@link InspectionRows}), one statistics upsert per checkpoint and day, and their
 * events appended to the outbox, which writes them in one INSERT at commit. The answer and the
 * events of the records inserted are built from what was written, not read back; a record stored
 * meanwhile by a concurrent upload is read and answered with what that upload stored, as a
 * duplicate.
 */
@ApplicationScoped
public class BatchRecording {

  /** What became of one record: stored (by this call or before) or refused with a problem. */
  public record Result(Inspection inspection, boolean created, ProblemException refused) {}

  private final InspectionService service;
  private final InspectionRepository inspections;
  private final InspectionRows rows;
  private final StatisticsRepository statistics;

  public BatchRecording(
      InspectionService service,
      InspectionRepository inspections,
      InspectionRows rows,
      StatisticsRepository statistics) {
    this.service = service;
    this.inspections = inspections;
    this.rows = rows;
    this.statistics = statistics;
  }

  /**
   * One result per record, in order. The records have passed Bean Validation; a record whose client
   * record id comes again later in the batch is stored once, the later one answered as a duplicate.
   */
  @Transactional
  public List<Result> record(List<InspectionRequest> records, String recordedBy)
      throws SQLException {
    Map<UUID, Inspection> earlier =
        inspections.findByClientRecordIds(
            records.stream().map(InspectionRequest::clientRecordId).toList());
    RecordPreparation preparation = service.preparation();
    Result[] results = new Result[records.size()];
    Map<UUID, Prepared> toStore = new HashMap<>();
    List<Prepared> inOrder = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      InspectionRequest r = records.get(i);
      Inspection stored = earlier.get(r.clientRecordId());
      if (stored != null) {
        results[i] = new Result(stored, false, null);
      } else if (!toStore.containsKey(r.clientRecordId())) {
        try {
          Prepared p = preparation.prepare(r);
          toStore.put(r.clientRecordId(), p);
          inOrder.add(p);
        } catch (ProblemException refused) {
          results[i] = new Result(null, false, refused);
        }
      }
    }
    Set<UUID> inserted = rows.insertNew(inOrder, recordedBy);
    statistics.add(
        inOrder.stream()
            .filter(p -> inserted.contains(p.request().clientRecordId()))
            .map(p -> DayIncrement.of(p.checkpoint().id(), p.day(), p.vehicle(), p.occupants()))
            .toList());
    // what this batch inserted is answered from what it wrote; only the records a concurrent upload
    // stored first are read back
    Map<UUID, Inspection> written = new HashMap<>();
    List<UUID> storedMeanwhile = new ArrayList<>();
    for (Prepared p : inOrder) {
      UUID id = p.request().clientRecordId();
      if (inserted.contains(id)) {
        Inspection inspection = Inspection.inserted(p, recordedBy);
        written.put(id, inspection);
        service.appendEvents(inspection, p.checkpoint().code());
      } else {
        storedMeanwhile.add(id);
      }
    }
    written.putAll(inspections.findByClientRecordIds(storedMeanwhile));
    Set<UUID> answered = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      UUID id = records.get(i).clientRecordId();
      if (results[i] == null) {
        Inspection stored = written.get(id);
        if (stored == null) {
          throw new IllegalStateException("record " + id + " was neither inserted nor found");
        }
        // the first occurrence in the batch is the one inserted; a repetition is a duplicate
        results[i] = new Result(stored, inserted.contains(id) && answered.add(id), null);
      }
    }
    return List.of(results);
  }
}
