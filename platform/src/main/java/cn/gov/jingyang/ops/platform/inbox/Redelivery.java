package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import cn.gov.jingyang.ops.platform.transaction.TransientFaults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Lists what a consumer dead-lettered and re-delivers it after a fix, through the same path as a
 * delivery ({@link EventApplication}): an event applied in the meantime changes nothing again. A
 * re-drive that fails leaves the dead letter where it is and says why.
 */
@ApplicationScoped
public class Redelivery {

  private static final Logger LOG = Logger.getLogger(Redelivery.class);
  private static final int MAX_TEXT = 2_000;

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
  private final DeadLetterArchive archive;
  private final EventCodec codec;
  private final ProcessedEvents processed;
  private final EventApplication application;
  private final ObjectMapper mapper;

  public Redelivery(
      EventConsumers consumers,
      DeadLetterArchive archive,
      EventCodec codec,
      ProcessedEvents processed,
      ObjectMapper mapper) {
    this.consumers = consumers;
    this.archive = archive;
    this.codec = codec;
    this.processed = processed;
    this.application = new EventApplication(processed);
    this.mapper = mapper;
  }

  /** Dead letters of one consumer, or of every consumer of the service if none is named. */
  public List<DeadLetter> list(String consumer, Boolean applied, int limit) {
    List<String> names =
        consumer == null ? consumers.consumerNames() : List.of(handler(consumer).consumerName());
    List<DeadLetter> letters = new ArrayList<>();
    for (String name : names) {
      for (DeadLetter letter : describe(name, read(name))) {
        if (applied == null || letter.applied() == applied) {
          letters.add(letter);
        }
      }
    }
    return letters.stream().limit(limit).toList();
  }

  /**
   * Re-drives every dead letter of the consumer whose event is not applied yet, in dead-letter
   * order.
   */
  public Report redriveAll(String consumer) {
    EventHandler handler = handler(consumer);
    List<ConsumerRecord<String, String>> records = read(consumer);
    Set<UUID> applied =
        processed.appliedAmong(
            consumer, records.stream().map(this::eventId).filter(Objects::nonNull).toList());
    List<Result> results =
        records.stream()
            .filter(r -> !applied.contains(eventId(r)))
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
                ? unavailableAsProblem(() -> archive.one(consumer, dltTopic, partition, offset))
                : java.util.Optional.<ConsumerRecord<String, String>>empty())
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "dead letter",
                        dltTopic + "/" + partition + "/" + offset + " of " + consumer));
    return redrive(handler, record);
  }

  private Result redrive(EventHandler handler, ConsumerRecord<String, String> record) {
    UUID id = eventId(record);
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
          e.getClass().getSimpleName() + ": " + masked(e.getMessage()),
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

  private List<DeadLetter> describe(String consumer, List<ConsumerRecord<String, String>> records) {
    Set<UUID> applied =
        processed.appliedAmong(
            consumer, records.stream().map(this::eventId).filter(Objects::nonNull).toList());
    return records.stream()
        .map(
            r -> {
              JsonNode json = json(r.value());
              UUID id = eventId(r);
              return new DeadLetter(
                  consumer,
                  r.topic(),
                  r.partition(),
                  r.offset(),
                  DeadLetterArchive.header(r, DeadLetters.ORIGINAL_TOPIC),
                  number(
                      DeadLetterArchive.header(r, DeadLetters.ORIGINAL_PARTITION),
                      Integer::valueOf),
                  number(DeadLetterArchive.header(r, DeadLetters.ORIGINAL_OFFSET), Long::valueOf),
                  id,
                  json == null ? null : json.path("type").asText(null),
                  DeadLetterArchive.header(r, DeadLetters.ERROR_CLASS),
                  masked(DeadLetterArchive.header(r, DeadLetters.ERROR)),
                  number(DeadLetterArchive.header(r, DeadLetters.FAILED_AT), Instant::parse),
                  id != null && applied.contains(id),
                  json == null ? null : PersonalData.mask(json),
                  json == null ? masked(r.value()) : null);
            })
        .toList();
  }

  private EventHandler handler(String consumer) {
    return consumers
        .handler(consumer)
        .orElseThrow(() -> ProblemException.notFound("consumer", consumer));
  }

  private List<ConsumerRecord<String, String>> read(String consumer) {
    return unavailableAsProblem(() -> archive.all(consumer, handler(consumer).topics()));
  }

  private static <T> T unavailableAsProblem(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (DeadLetterArchive.UnavailableException e) {
      LOG.warnf("dead letters cannot be read: %s", e.getMessage());
      throw new ProblemException(
          Problem.of(
              503,
              "dead-letters-unavailable",
              "Service unavailable",
              "the dead-letter topics cannot be read now; try again later"));
    }
  }

  private UUID eventId(ConsumerRecord<String, String> record) {
    JsonNode json = json(record.value());
    return json == null ? null : number(json.path("id").asText(null), UUID::fromString);
  }

  private JsonNode json(String value) {
    try {
      JsonNode node = value == null ? null : mapper.readTree(value);
      return node != null && node.isObject() ? node : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static <T> T number(String text, java.util.function.Function<String, T> parse) {
    try {
      return text == null ? null : parse.apply(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String masked(String text) {
    if (text == null) {
      return null;
    }
    return PersonalData.maskText(
        text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
  }
}
