package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.correlation.TraceContext;
import cn.gov.jingyang.ops.platform.events.DomainEvent;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import cn.gov.jingyang.ops.platform.transaction.AtCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction: the state change and its event
 * commit together or not at all. {@link #append} returns the envelope at once but only collects the
 * row; the rows of a transaction are written at its end, in one INSERT, {@link AtCommit.Order#LAST}
 * of all: after Hibernate's flush and every other write at commit, so the append lock that orders
 * the feed is taken when the transaction takes no more row locks, and is held only from there to
 * the commit. If writing fails, the transaction rolls back and the caller's commit fails. The rows
 * are therefore not visible to a query inside the appending transaction.
 */
@ApplicationScoped
public class Outbox {

  private final EventCodec codec;
  private final PlatformConfig config;
  private final AtCommit atCommit;
  private final OutboxRelay relay;

  public Outbox(EventCodec codec, PlatformConfig config, AtCommit atCommit, OutboxRelay relay) {
    this.codec = codec;
    this.config = config;
    this.atCommit = atCommit;
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
    return atCommit.pending(
            Rows.class,
            AtCommit.Order.LAST,
            "append the events to the outbox",
            () -> new Rows(relay))
        .rows;
  }

  /** The transaction's rows, written in one INSERT before it commits; the relay woken after. */
  private static final class Rows implements AtCommit.Writes {

    private final List<OutboxAppend.NewRow> rows = new ArrayList<>();
    private final OutboxRelay relay;

    Rows(OutboxRelay relay) {
      this.relay = relay;
    }

    @Override
    public void write(Connection c) throws SQLException {
      OutboxAppend.appendAll(c, rows);
    }

    @Override
    public void committed() {
      relay.wake();
    }
  }
}
