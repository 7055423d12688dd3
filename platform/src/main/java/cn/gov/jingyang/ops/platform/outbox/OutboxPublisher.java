package cn.gov.jingyang.ops.platform.outbox;

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
import org.apache.kafka.clients.producer.RecordMetadata;
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
    List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
    RuntimeException sendFailure = null;
    for (OutboxTable.Row row : rows) {
      try {
        sent.add(producer.send(record(row)));
      } catch (RuntimeException e) {
        sendFailure = e; // typically the broker's metadata is unreachable: stop sending this pass
        break;
      }
    }
    producer.flush();
    List<Long> published = new ArrayList<>();
    Set<String> failedKeys = new HashSet<>();
    boolean brokerUnavailable = false;
    int failed = 0;
    for (int i = 0; i < rows.size(); i++) {
      OutboxTable.Row row = rows.get(i);
      Throwable error = i < sent.size() ? outcome(sent.get(i)) : sendFailure;
      if (error == null && failedKeys.contains(row.aggregateId())) {
        // an earlier row of this aggregate failed: publishing again later keeps the order
        error = new IllegalStateException("an earlier event of aggregate " + row.aggregateId() + " failed");
      }
      if (error == null) {
        published.add(row.seq());
        publishLatency.accept(Duration.between(row.occurredAt(), OffsetDateTime.now()));
        continue;
      }
      failed++;
      failedKeys.add(row.aggregateId());
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
    return new ProducerRecord<>(row.topic(), null, row.aggregateId(), row.event(), headers);
  }

  private static Throwable outcome(Future<RecordMetadata> future) {
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
        || error instanceof IllegalStateException
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
