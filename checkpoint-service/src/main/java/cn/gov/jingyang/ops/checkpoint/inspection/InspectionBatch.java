package cn.gov.jingyang.ops.checkpoint.inspection;

import cn.gov.jingyang.ops.checkpoint.config.CheckpointConfig;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.BatchResult;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.InspectionRequest;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.Outcome;
import cn.gov.jingyang.ops.checkpoint.inspection.InspectionApi.RecordResult;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A tablet's batch upload: every record is validated first, then the valid ones are stored together
 * in one transaction ({@link BatchRecording}); a record that fails its own checks is rejected with
 * its problem and does not cost the others, and the caller gets one result per record, in order. If
 * the batch cannot be stored at once (a value the database refuses), its records are stored one by
 * one, each in its own transaction.
 */
@ApplicationScoped
public class InspectionBatch {

  private static final Logger LOG = Logger.getLogger(InspectionBatch.class);

  private final InspectionService service;
  private final BatchRecording recording;
  private final Validator validator;
  private final CheckpointConfig config;

  public InspectionBatch(
      InspectionService service,
      BatchRecording recording,
      Validator validator,
      CheckpointConfig config) {
    this.service = service;
    this.recording = recording;
    this.validator = validator;
    this.config = config;
  }

  public BatchResult upload(List<InspectionRequest> records, String recordedBy) {
    int limit = config.inspection().batchLimit();
    if (records.size() > limit) {
      throw ProblemException.tooLarge(
          "a batch may hold at most "
              + limit
              + " records; this one holds "
              + records.size()
              + " — split it into smaller batches");
    }
    RecordResult[] results = new RecordResult[records.size()];
    List<Integer> valid = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      results[i] = checked(i, records.get(i));
      if (results[i] == null) {
        valid.add(i);
      }
    }
    try {
      List<BatchRecording.Result> stored =
          QuarkusTransaction.requiringNew()
              .call(() -> recording.record(valid.stream().map(records::get).toList(), recordedBy));
      for (int k = 0; k < valid.size(); k++) {
        int index = valid.get(k);
        BatchRecording.Result r = stored.get(k);
        results[index] =
            r.refused() != null
                ? rejected(records.get(index), withinRecord(index, r.refused().problem()))
                : InspectionApi.stored(
                    r.inspection(), r.created() ? Outcome.CREATED : Outcome.DUPLICATE);
      }
    } catch (RuntimeException e) {
      // e.g. a value the database refuses: store record by record, so it costs only its own record
      LOG.warnf(
          e, "a batch of %d records could not be stored at once; storing one by one", valid.size());
      for (int index : valid) {
        results[index] = one(index, records.get(index), recordedBy);
      }
    }
    List<RecordResult> all = List.of(results);
    return new BatchResult(
        records.size(),
        count(all, Outcome.CREATED),
        count(all, Outcome.DUPLICATE),
        count(all, Outcome.REJECTED),
        all);
  }

  /** The record's Bean Validation result: null when valid, else its rejection. */
  private RecordResult checked(int index, InspectionRequest record) {
    if (record == null) {
      return rejected(
          null,
          Problem.validation(
              List.of(new Problem.FieldError("records[" + index + "]", "must not be null"))));
    }
    Set<ConstraintViolation<InspectionRequest>> violations = validator.validate(record);
    if (!violations.isEmpty()) {
      return rejected(
          record,
          Problem.validation(
              violations.stream()
                  .map(
                      v ->
                          new Problem.FieldError(
                              "records[" + index + "]." + v.getPropertyPath(), v.getMessage()))
                  .sorted(Comparator.comparing(Problem.FieldError::field))
                  .toList()));
    }
    return null;
  }

  /** One record in its own transaction: the fallback when the batch could not be stored at once. */
  private RecordResult one(int index, InspectionRequest record, String recordedBy) {
    try {
      InspectionService.Recorded recorded =
          QuarkusTransaction.requiringNew().call(() -> service.record(record, recordedBy));
      return InspectionApi.stored(
          recorded.inspection(), recorded.created() ? Outcome.CREATED : Outcome.DUPLICATE);
    } catch (RuntimeException e) {
      Throwable cause =
          e instanceof QuarkusTransactionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof ProblemException problem) {
        return rejected(record, withinRecord(index, problem.problem()));
      }
      LOG.errorf(cause, "batch record %s could not be stored", record.clientRecordId());
      return rejected(
          record,
          Problem.of(
              500, "internal", "Internal error", "the record could not be stored; send it again"));
    }
  }

  /**
   * The same problem, its fields named within the batch: {@code records[3].occupants[0].idNumber}.
   */
  private static Problem withinRecord(int index, Problem problem) {
    if (problem.getErrors() == null) {
      return problem;
    }
    String prefix = "records[" + index + "].";
    String path = problem.getType().getPath();
    Problem copy =
        new Problem(
            path.substring(path.lastIndexOf('/') + 1),
            problem.getTitle(),
            problem.getStatus(),
            prefix + problem.getDetail(),
            problem.getErrors().stream()
                .map(e -> new Problem.FieldError(prefix + e.field(), e.message()))
                .toList());
    problem.getExtensions().forEach(copy::with);
    return copy;
  }

  private static RecordResult rejected(InspectionRequest record, Problem problem) {
    return new RecordResult(
        record == null ? null : record.clientRecordId(),
        Outcome.REJECTED,
        null,
        null,
        null,
        problem);
  }

  private static int count(List<RecordResult> results, Outcome outcome) {
    return (int) results.stream().filter(r -> r.outcome() == outcome).count();
  }
}
