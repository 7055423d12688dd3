package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.inbox.Redelivery.DeadLetter;
import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.problem.Problem;
import cn.gov.jingyang.ops.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Reads a consumer's dead letters from the {@link DeadLetterArchive} and describes them as
 * operators see them: where they came from, why they failed, whether the event has been applied
 * since, payload and error text with personal data masked. An archive that cannot be read is a 503
 * problem.
 */
final class DeadLetterListing {

  private static final Logger LOG = Logger.getLogger(DeadLetterListing.class);
  private static final int MAX_TEXT = 2_000;

  private final DeadLetterArchive archive;
  private final ProcessedEvents processed;
  private final ObjectMapper mapper;

  DeadLetterListing(DeadLetterArchive archive, ProcessedEvents processed, ObjectMapper mapper) {
    this.archive = archive;
    this.processed = processed;
    this.mapper = mapper;
  }

  /** Every dead letter of the consumer on the dead-letter topics of its topics. */
  List<ConsumerRecord<String, String>> all(String consumer, Collection<String> topics) {
    return unavailableAsProblem(() -> archive.all(consumer, topics));
  }

  /** One dead letter of the consumer, if that topic, partition and offset hold one. */
  Optional<ConsumerRecord<String, String>> one(
      String consumer, String dltTopic, int partition, long offset) {
    return unavailableAsProblem(() -> archive.one(consumer, dltTopic, partition, offset));
  }

  /** The events among {@code records} that the consumer has applied. */
  Set<UUID> applied(String consumer, List<ConsumerRecord<String, String>> records) {
    return processed.appliedAmong(
        consumer, records.stream().map(this::eventId).filter(Objects::nonNull).toList());
  }

  List<DeadLetter> describe(String consumer, List<ConsumerRecord<String, String>> records) {
    Set<UUID> applied = applied(consumer, records);
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

  /** The id of the dead-lettered event, or null if the record is no event. */
  UUID eventId(ConsumerRecord<String, String> record) {
    JsonNode json = json(record.value());
    return json == null ? null : number(json.path("id").asText(null), UUID::fromString);
  }

  /** Text cut to a readable length, personal data masked. */
  static String masked(String text) {
    if (text == null) {
      return null;
    }
    return PersonalData.maskText(
        text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
  }

  private static <T> T unavailableAsProblem(Supplier<T> read) {
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

  private JsonNode json(String value) {
    try {
      JsonNode node = value == null ? null : mapper.readTree(value);
      return node != null && node.isObject() ? node : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static <T> T number(String text, Function<String, T> parse) {
    try {
      return text == null ? null : parse.apply(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
