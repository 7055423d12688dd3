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
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Appends events to the outbox inside the caller's transaction: the state change and its event
 * commit together or not at all. Call it at the end of the unit of work — appends are ordered by
 * a transaction-level lock held until commit.
 */
@ApplicationScoped
public class Outbox {

  private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

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
  public EventEnvelope append(String aggregateType, String aggregateId, String eventName, Object data) {
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
    try (Connection c = dataSource.getConnection()) {
      OutboxTable.append(
          c,
          new OutboxTable.NewRow(
              envelope.id(), topic(), aggregateType, aggregateId, envelope.type(), codec.write(envelope),
              now, envelope.correlationid(), envelope.traceparent()));
    } catch (SQLException e) {
      throw new IllegalStateException("could not append " + envelope.type() + " to the outbox", e);
    }
    wakeRelayAfterCommit();
    return envelope;
  }

  private void wakeRelayAfterCommit() {
    if (transactions.getResource(WAKE_KEY) != null) {
      return;
    }
    transactions.putResource(WAKE_KEY, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              relay.wake();
            }
          }
        });
  }
}
