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
 * A tablet's batch upload: each record is validated and stored in its own transaction, so one bad
 * record does not cost the others, and the caller gets one result per record, in order.
 */
@ApplicationScoped
public class InspectionBatch {

  private static final Logger LOG = Logger.getLogger(InspectionBatch.class);

  private final InspectionService service;
  private final Validator validator;
  private final CheckpointConfig config;

  public InspectionBatch(InspectionService service, Validator validator, CheckpointConfig config) {
    this.service = service;
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
    List<RecordResult> results = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      results.add(one(i, records.get(i), recordedBy));
    }
    return new BatchResult(
        records.size(),
        count(results, Outcome.CREATED),
        count(results, Outcome.DUPLICATE),
        count(results, Outcome.REJECTED),
        results);
  }

  private RecordResult one(int index, InspectionRequest record, String recordedBy) {
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
