package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import java.util.Set;

/**
 * A consumer of other services' events. Implement it as a CDI bean and the platform runs it:
 * {@link #handle} is called inside a transaction that also records the event id as processed,
 * so a redelivered event has its effect once; the Kafka offset is committed only after that
 * transaction. An event that keeps failing goes to {@code <topic>.dlt} and the consumer moves on.
 */
public interface EventHandler {

  /** Stable name, unique in the service: part of the consumer group and the de-duplication key. */
  String consumerName();

  Set<String> topics();

  /** Applies the event's effect. Throwing rolls the effect back; the event is retried, then dead-lettered. */
  void handle(EventEnvelope event) throws Exception;
}
