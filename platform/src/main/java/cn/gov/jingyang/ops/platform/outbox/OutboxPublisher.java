package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * One relay pass: claim a batch of outbox rows, send them to Kafka (key = aggregate id), mark
 * what the broker acknowledged as published, and schedule a retry with backoff for the rest, all
 * in one database transaction. A row Kafka keeps refusing for itself becomes BLOCKED after
 * {@code maxAttempts}; a broker that is down blocks nothing, the rows just wait for it.
 */
public final class OutboxPublisher {

  private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

  public record Settings(int batchSize, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {}

  /** What a pass did; {@code brokerUnavailable} tells the caller to back off as a whole. */
  public record Pass(int published, int failed, boolean brokerUnavailable) {
    static final Pass EMPTY = new Pass(0, 0, false);
  }

  private final DataSource dataSource;
  private final Producer<String, String> producer;
  private final Settings settings;
  private final Consumer<Duration> publishLatency;

  public OutboxPublisher(
      DataSource dataSource,
      Producer<String, String> producer,
      Settings settings,
      Consumer<Duration> publishLatency) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.settings = settings;
    this.publishLatency = publishLatency;
  }

  public Pass publishPass() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Pass pass = publish(c, OutboxTable.claim(c, settings.batchSize()));
        c.commit();
        return pass;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private Pass publish(Connection c, List<OutboxTable.Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return Pass.EMPTY;
    }
    // one outcome per row: a Future (sent), a Throwable (refused at once) or null (not sent)
    List<Object> outcomes = new ArrayList<>(rows.size());
    Set<String> refusedKeys = new HashSet<>();
    Throwable brokerDown = null;
    for (OutboxTable.Row row : rows) {
      if (brokerDown != null || refusedKeys.contains(row.aggregateId())) {
        outcomes.add(brokerDown); // not sent: a row behind a refused one of its aggregate waits
        continue;
      }
      Throwable refused;
      try {
        Future<?> sent = producer.send(record(row));
        // the client refuses some records at once (too large, no metadata): a completed future
        refused = sent.isDone() ? outcome(sent) : null;
        outcomes.add(refused == null ? sent : refused);
      } catch (RuntimeException e) {
        refused = e;
        outcomes.add(e);
      }
      if (refused != null) {
        if (isTransient(refused)) {
          brokerDown = refused; // typically the broker is unreachable: stop this pass
        } else {
          refusedKeys.add(row.aggregateId());
        }
      }
    }
    producer.flush();
    List<Long> published = new ArrayList<>();
    boolean brokerUnavailable = brokerDown != null;
    int failed = 0;
    for (int i = 0; i < rows.size(); i++) {
      OutboxTable.Row row = rows.get(i);
      Object outcome = outcomes.get(i);
      if (outcome == null) {
        continue; // left PENDING and untouched, behind the head of its aggregate
      }
      Throwable error = outcome instanceof Future<?> f ? outcome(f) : (Throwable) outcome;
      if (error == null) {
        published.add(row.seq());
        publishLatency.accept(Duration.between(row.occurredAt(), OffsetDateTime.now()));
        continue;
      }
      failed++;
      boolean transientError = isTransient(error);
      brokerUnavailable |= transientError;
      int attempts = row.attempts() + 1;
      boolean block = !transientError && attempts >= settings.maxAttempts();
      OutboxTable.markFailed(c, row.seq(), describe(error), backoff(attempts), block);
      if (block) {
        LOG.errorf("outbox row %d (%s of %s) BLOCKED after %d attempts: %s",
            row.seq(), row.eventType(), row.aggregateId(), attempts, describe(error));
      }
    }
    OutboxTable.markPublished(c, published);
    return new Pass(published.size(), failed, brokerUnavailable);
  }

  private static ProducerRecord<String, String> record(OutboxTable.Row row) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_id", row.eventId().toString().getBytes(StandardCharsets.UTF_8));
    headers.add("ce_type", row.eventType().getBytes(StandardCharsets.UTF_8));
    headers.add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
    if (row.correlationId() != null) {
      headers.add(TraceContext.CORRELATION_HEADER, row.correlationId().getBytes(StandardCharsets.UTF_8));
    }
    if (row.traceparent() != null) {
      headers.add(TraceContext.TRACEPARENT_HEADER, row.traceparent().getBytes(StandardCharsets.UTF_8));
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
