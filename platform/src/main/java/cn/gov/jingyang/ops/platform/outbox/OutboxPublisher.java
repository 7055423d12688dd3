package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.platform.correlation.EventTracing;
import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * One relay pass: claim a batch of outbox rows under a lease (a short transaction), send them to
 * Kafka (key = aggregate id) with no database transaction open, then mark the outcome (a second
 * short transaction). Per aggregate, a row is sent only once the previous one of that aggregate was
 * acknowledged, so when Kafka refuses a row — at once or later, from the broker — nothing after it
 * has reached Kafka: it backs off and the rows behind it stay PENDING, untouched. Rows of different
 * aggregates go out together, one "wave" per position in their aggregate. A row Kafka keeps
 * refusing for itself becomes BLOCKED after {@code maxAttempts}; a broker that is down blocks
 * nothing, the rows just wait for it.
 */
public final class OutboxPublisher {

  private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

  /** {@code claimLease}: how long claimed rows stay this relay's; a pass stops sending at half. */
  public record Settings(
      int batchSize,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration claimLease) {
    public Settings(int batchSize, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
      this(batchSize, maxAttempts, initialBackoff, maxBackoff, Duration.ofSeconds(60));
    }
  }

  /** What a pass did; {@code brokerUnavailable} tells the caller to back off as a whole. */
  public record Pass(int published, int failed, boolean brokerUnavailable) {
    static final Pass EMPTY = new Pass(0, 0, false);
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource dataSource;
  private final Producer<String, String> producer;
  private final Settings settings;
  private final java.util.function.Consumer<Duration> publishLatency;
  private final String relayId = "relay-" + UUID.randomUUID();
  private final EventTracing tracing = EventTracing.current();

  public OutboxPublisher(
      DataSource dataSource,
      Producer<String, String> producer,
      Settings settings,
      java.util.function.Consumer<Duration> publishLatency) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.settings = settings;
    this.publishLatency = publishLatency;
  }

  public Pass publishPass() throws SQLException {
    List<OutboxClaims.Row> rows =
        inTransaction(
            c -> OutboxClaims.claim(c, settings.batchSize(), relayId, settings.claimLease()));
    if (rows.isEmpty()) {
      return Pass.EMPTY;
    }
    Sent sent = send(rows);
    return inTransaction(c -> mark(c, rows, sent));
  }

  /** What the broker answered, per row sent; a row absent from both maps was not sent. */
  private record Sent(
      List<OutboxClaims.Row> acknowledged, Map<Long, Throwable> refused, boolean brokerDown) {}

  private Sent send(List<OutboxClaims.Row> rows) {
    Map<String, Deque<OutboxClaims.Row>> byAggregate = new LinkedHashMap<>();
    rows.forEach(r -> byAggregate.computeIfAbsent(r.aggregateId(), k -> new ArrayDeque<>()).add(r));
    List<OutboxClaims.Row> acknowledged = new ArrayList<>();
    Map<Long, Throwable> refused = new LinkedHashMap<>();
    boolean brokerDown = false;
    long stopAt = System.nanoTime() + settings.claimLease().toNanos() / 2;
    while (!brokerDown && !byAggregate.isEmpty() && System.nanoTime() < stopAt) {
      List<OutboxClaims.Row> wave = byAggregate.values().stream().map(Deque::poll).toList();
      List<Object> outcomes =
          new ArrayList<>(wave.size()); // a Future, or the Throwable of a refusal
      List<Span> spans = new ArrayList<>(wave.size());
      for (OutboxClaims.Row row : wave) {
        Span span = tracing.producer(row.topic(), row.eventType(), row.traceparent());
        spans.add(span);
        try {
          outcomes.add(producer.send(record(row, EventTracing.traceparentOf(span))));
        } catch (RuntimeException e) {
          outcomes.add(e);
        }
      }
      producer.flush();
      for (int i = 0; i < wave.size(); i++) {
        OutboxClaims.Row row = wave.get(i);
        Throwable error =
            outcomes.get(i) instanceof Future<?> f ? outcome(f) : (Throwable) outcomes.get(i);
        if (error != null) {
          spans.get(i).setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
        }
        spans.get(i).end();
        if (error == null) {
          acknowledged.add(row);
          if (byAggregate.get(row.aggregateId()).isEmpty()) {
            byAggregate.remove(row.aggregateId());
          }
        } else {
          refused.put(row.seq(), error);
          byAggregate.remove(row.aggregateId()); // the rows behind a refused one are not sent
          brokerDown |= isTransient(error); // typically the broker is unreachable: stop this pass
        }
      }
    }
    return new Sent(acknowledged, refused, brokerDown);
  }

  private Pass mark(Connection c, List<OutboxClaims.Row> rows, Sent sent) throws SQLException {
    java.util.Set<Long> published = new java.util.LinkedHashSet<>();
    for (OutboxClaims.Row row : sent.acknowledged()) {
      published.add(row.seq());
      publishLatency.accept(Duration.between(row.occurredAt(), OffsetDateTime.now()));
    }
    OutboxClaims.markPublished(c, List.copyOf(published));
    List<Long> unsent = new ArrayList<>();
    for (OutboxClaims.Row row : rows) {
      Throwable error = sent.refused().get(row.seq());
      if (error == null) {
        if (!published.contains(row.seq())) {
          unsent.add(row.seq());
        }
        continue;
      }
      int attempts = row.attempts() + 1;
      boolean block = !isTransient(error) && attempts >= settings.maxAttempts();
      OutboxClaims.markFailed(c, row.seq(), relayId, describe(error), backoff(attempts), block);
      if (block) {
        LOG.errorf(
            "outbox row %d (%s of %s) BLOCKED after %d attempts: %s",
            row.seq(), row.eventType(), row.aggregateId(), attempts, describe(error));
      }
    }
    OutboxClaims.endLeases(c, relayId, unsent);
    return new Pass(published.size(), sent.refused().size(), sent.brokerDown());
  }

  private <T> T inTransaction(Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * The Kafka record of a row; its {@code traceparent} header is the relay's span (a child of the
   * span that appended the row), or the row's own when tracing is off.
   */
  private static ProducerRecord<String, String> record(OutboxClaims.Row row, String relaySpan) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_id", row.eventId().toString().getBytes(StandardCharsets.UTF_8));
    headers.add("ce_type", row.eventType().getBytes(StandardCharsets.UTF_8));
    headers.add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
    if (row.correlationId() != null) {
      headers.add(
          TraceContext.CORRELATION_HEADER, row.correlationId().getBytes(StandardCharsets.UTF_8));
    }
    String traceparent = relaySpan != null ? relaySpan : row.traceparent();
    if (traceparent != null) {
      headers.add(TraceContext.TRACEPARENT_HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
    }
    return new ProducerRecord<>(row.topic(), null, row.aggregateId(), row.event(), headers);
  }

  private static Throwable outcome(Future<?> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    } catch (java.util.concurrent.TimeoutException e) {
      return new org.apache.kafka.common.errors.TimeoutException("no acknowledgement in 30s");
    }
  }

  static boolean isTransient(Throwable error) {
    return error instanceof RetriableException
        || error instanceof InterruptedException
        || (error.getCause() != null && error.getCause() instanceof RetriableException);
  }

  Duration backoff(int attempts) {
    long millis = settings.initialBackoff().toMillis() << Math.min(attempts - 1, 20);
    return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
  }

  private static String describe(Throwable error) {
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }
}
