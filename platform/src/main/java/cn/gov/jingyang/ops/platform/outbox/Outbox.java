package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.events.DomainEvent;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Appends events to the outbox inside the caller's transaction: the state change and its event
 * commit together or not at all. {@link #append} returns the envelope at once but only collects the
 * row; the rows of a transaction are written at its end, in one INSERT, by an interposed
 * synchronization. Its before-completion runs after every non-interposed one (the contract of
 * TransactionSynchronizationRegistry.registerInterposedSynchronization) — Hibernate's flush among
 * them — so the append lock that orders the feed is taken when the transaction takes no more row
 * locks, and is held only from there to the commit. If writing fails, the transaction rolls back
 * and the caller's commit fails. The rows are therefore not visible to a query inside the appending
 * transaction.
 */
@ApplicationScoped
public class Outbox {

  private static final String ROWS_KEY = Outbox.class.getName() + ".rows";

  private final DataSource dataSource;
  private final EventCodec codec;
  private final PlatformConfig config;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;

  public Outbox(
      DataSource dataSource,
      EventCodec codec,
      PlatformConfig config,
      TransactionSynchronizationRegistry transactions,
      OutboxRelay relay) {
    this.dataSource = dataSource;
    this.codec = codec;
    this.config = config;
    this.transactions = transactions;
    this.relay = relay;
  }

  public String topic() {
    return config.serviceName() + ".events";
  }

  public String eventType(String eventName) {
    return "cn.gov.jingyang." + config.serviceName() + "." + eventName;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public EventEnvelope append(DomainEvent event) {
    return append(event.aggregateType(), event.aggregateId(), event.eventName(), event);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public EventEnvelope append(
      String aggregateType, String aggregateId, String eventName, Object data) {
    return append(topic(), aggregateType, aggregateId, eventName, data);
  }

  /**
   * Appends an event to another topic of this service than its event stream, keyed like every
   * outbox row by the aggregate id: e.g. the latest state of an aggregate on a compacted state
   * topic ({@code personnel.people.state}), where Kafka keeps the newest record per key. Such rows
   * are relayed like the others (in order per aggregate) but are not part of the service's event
   * feed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public EventEnvelope appendTo(String topic, DomainEvent event) {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("a topic is required");
    }
    return append(topic, event.aggregateType(), event.aggregateId(), event.eventName(), event);
  }

  private EventEnvelope append(
      String topic, String aggregateType, String aggregateId, String eventName, Object data) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    EventEnvelope envelope =
        new EventEnvelope(
            EventEnvelope.SPEC_VERSION,
            UUID.randomUUID(),
            "/jingyang/" + config.serviceName(),
            eventType(eventName),
            aggregateId,
            now,
            EventEnvelope.JSON,
            null,
            TraceContext.traceparent(),
            TraceContext.correlationId(),
            codec.toJson(data));
    rowsAtCommit()
        .add(
            new OutboxAppend.NewRow(
                envelope.id(),
                topic,
                aggregateType,
                aggregateId,
                envelope.type(),
                codec.write(envelope),
                now,
                envelope.correlationid(),
                envelope.traceparent()));
    return envelope;
  }

  private List<OutboxAppend.NewRow> rowsAtCommit() {
    AppendAtCommit pending = (AppendAtCommit) transactions.getResource(ROWS_KEY);
    if (pending == null) {
      pending = new AppendAtCommit();
      transactions.putResource(ROWS_KEY, pending);
      transactions.registerInterposedSynchronization(pending);
    }
    if (pending.written) {
      throw new IllegalStateException("the outbox rows of this transaction are already written");
    }
    return pending.rows;
  }

  /** Writes the transaction's rows before it commits; wakes the relay once it has. */
  private final class AppendAtCommit implements Synchronization {

    private final List<OutboxAppend.NewRow> rows = new ArrayList<>();
    private boolean written;

    @Override
    public void beforeCompletion() {
      written = true;
      if (transactions.getRollbackOnly()) {
        return;
      }
      try (Connection c = dataSource.getConnection()) {
        OutboxAppend.appendAll(c, rows);
      } catch (SQLException | RuntimeException e) {
        transactions.setRollbackOnly();
        throw new IllegalStateException(
            "could not append " + rows.size() + " events to the outbox; the transaction rolls back",
            e);
      }
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        relay.wake();
      }
    }
  }
}
