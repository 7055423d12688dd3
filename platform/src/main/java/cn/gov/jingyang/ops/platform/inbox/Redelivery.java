package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.transaction.TransientFaults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Lists what a consumer dead-lettered ({@link DeadLetterListing}) and re-delivers it after a fix,
 * through the same path as a delivery ({@link EventApplication}): an event applied in the meantime
 * changes nothing again. A re-drive that fails leaves the dead letter where it is and says why.
 */
@ApplicationScoped
public class Redelivery {

  private static final Logger LOG = Logger.getLogger(Redelivery.class);

  /** A dead letter as operators see it; payload and error text with personal data masked. */
  public record DeadLetter(
      String consumer,
      String dltTopic,
      int dltPartition,
      long dltOffset,
      String originalTopic,
      Integer originalPartition,
      Long originalOffset,
      UUID eventId,
      String eventType,
      String errorClass,
      String error,
      Instant failedAt,
      boolean applied,
      JsonNode event,
      String record) {}

  public enum Outcome {
    APPLIED,
    ALREADY_APPLIED,
    FAILED
  }

  /** What a re-drive of one dead letter did; {@code retryable} marks a transient failure. */
  public record Result(
      String dltTopic,
      int dltPartition,
      long dltOffset,
      UUID eventId,
      Outcome outcome,
      String reason,
      boolean retryable) {}

  public record Report(
      String consumer, long applied, long alreadyApplied, long failed, List<Result> results) {}

  private final EventConsumers consumers;
  private final DeadLetterListing letters;
  private final EventCodec codec;
  private final EventApplication application;

  public Redelivery(
      EventConsumers consumers,
      DeadLetterArchive archive,
      EventCodec codec,
      ProcessedEvents processed,
      ObjectMapper mapper) {
    this.consumers = consumers;
    this.letters = new DeadLetterListing(archive, processed, mapper);
    this.codec = codec;
    this.application = new EventApplication(processed, false); // a re-drive logs its own lines
  }

  /** Dead letters of one consumer, or of every consumer of the service if none is named. */
  public List<DeadLetter> list(String consumer, Boolean applied, int limit) {
    List<String> names =
        consumer == null ? consumers.consumerNames() : List.of(handler(consumer).consumerName());
    List<DeadLetter> found = new ArrayList<>();
    for (String name : names) {
      for (DeadLetter letter : letters.describe(name, read(name))) {
        if (applied == null || letter.applied() == applied) {
          found.add(letter);
        }
      }
    }
    return found.stream().limit(limit).toList();
  }

  /**
   * Re-drives every dead letter of the consumer whose event is not applied yet, in dead-letter
   * order.
   */
  public Report redriveAll(String consumer) {
    EventHandler handler = handler(consumer);
    List<ConsumerRecord<String, String>> records = read(consumer);
    Set<UUID> applied = letters.applied(consumer, records);
    List<Result> results =
        records.stream()
            .filter(r -> !applied.contains(letters.eventId(r)))
            .map(r -> redrive(handler, r))
            .toList();
    return new Report(
        consumer,
        results.stream().filter(r -> r.outcome() == Outcome.APPLIED).count(),
        results.stream().filter(r -> r.outcome() == Outcome.ALREADY_APPLIED).count(),
        results.stream().filter(r -> r.outcome() == Outcome.FAILED).count(),
        results);
  }

  /** Re-drives one dead letter, applied or not: an applied one answers ALREADY_APPLIED. */
  public Result redriveOne(String consumer, String dltTopic, int partition, long offset) {
    EventHandler handler = handler(consumer);
    boolean ownTopic =
        handler.topics().stream()
            .map(DeadLetterArchive::deadLetterTopic)
            .anyMatch(dltTopic::equals);
    ConsumerRecord<String, String> record =
        (ownTopic
                ? letters.one(consumer, dltTopic, partition, offset)
                : Optional.<ConsumerRecord<String, String>>empty())
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "dead letter",
                        dltTopic + "/" + partition + "/" + offset + " of " + consumer));
    return redrive(handler, record);
  }

  private Result redrive(EventHandler handler, ConsumerRecord<String, String> record) {
    UUID id = letters.eventId(record);
    try {
      EventEnvelope event = codec.read(record.value());
      boolean applied = application.apply(handler, record, event);
      LOG.infof(
          "consumer %s: dead letter %s-%d@%d re-driven: %s",
          handler.consumerName(),
          record.topic(),
          record.partition(),
          record.offset(),
          applied ? "applied" : "already applied");
      return result(record, id, applied ? Outcome.APPLIED : Outcome.ALREADY_APPLIED, null, false);
    } catch (Exception e) {
      LOG.warnf(
          "consumer %s: re-drive of dead letter %s-%d@%d failed: %s",
          handler.consumerName(),
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
      return result(
          record,
          id,
          Outcome.FAILED,
          e.getClass().getSimpleName() + ": " + DeadLetterListing.masked(e.getMessage()),
          !PoisonEventException.isPoison(e) && TransientFaults.isTransient(e));
    }
  }

  private static Result result(
      ConsumerRecord<String, String> r,
      UUID id,
      Outcome outcome,
      String reason,
      boolean retryable) {
    return new Result(r.topic(), r.partition(), r.offset(), id, outcome, reason, retryable);
  }

  private List<ConsumerRecord<String, String>> read(String consumer) {
    return letters.all(consumer, handler(consumer).topics());
  }

  private EventHandler handler(String consumer) {
    return consumers
        .handler(consumer)
        .orElseThrow(() -> ProblemException.notFound("consumer", consumer));
  }
}
