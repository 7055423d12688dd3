package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.events.EventEnvelope;
import java.util.Set;

/**
 * A consumer of other services' events. Implement it as a CDI bean and the platform runs it: {@link
 * #handle} is called inside a transaction that also records the event id as processed, so a
 * redelivered event has its effect once; the Kafka offset is committed only after that transaction.
 *
 * <p>How a failure is treated depends on what was thrown (anywhere in the cause chain):
 *
 * <ul>
 *   <li><b>Transient</b> — the database unreachable or restarting (SQLState 08xxx, 57P01-57P03,
 *       53xxx), lock timeout (55P03), statement timeout (57014), deadlock (40P01), serialization
 *       failure (40001), an exhausted connection pool, Hibernate's JDBCConnectionException and lock
 *       or query timeouts: the event is retried, its partition paused, with a doubling pause up to
 *       {@code ops.consumer.transient-max-backoff}, for as long as the fault lasts. It is never
 *       dead-lettered and the offset never moves past it. Let such exceptions propagate; do not
 *       catch and re-throw them without their cause.
 *   <li><b>Poison</b> — throw {@link PoisonEventException} (or {@code
 *       EventCodec.MalformedEventException} for data that do not parse) when the event breaks a
 *       rule no retry will change: it goes to {@code <topic>.dlt} at once and the consumer carries
 *       on.
 *   <li>Anything else is tried {@code ops.consumer.max-attempts} times, then dead-lettered.
 * </ul>
 *
 * Dead letters are listed and re-driven at {@code /admin/dead-letters}.
 */
public interface EventHandler {

  /** Stable name, unique in the service: part of the consumer group and the de-duplication key. */
  String consumerName();

  Set<String> topics();

  /**
   * The events this consumer acts on, by name (the last part of the CloudEvent type, e.g. {@code
   * OccupantFlagged}); empty, the default, for every event of its topics. A record of any other
   * event is passed over before a transaction begins: nothing is applied, nothing is recorded in
   * processed_event, and its offset moves on with the records around it. A record that is not an
   * event at all is dead-lettered all the same.
   */
  default Set<String> eventNames() {
    return Set.of();
  }

  /** Applies the event's effect. Throwing rolls the effect back; see above for what follows. */
  void handle(EventEnvelope event) throws Exception;

  /**
   * True for a consumer of compacted state topics (the latest record of every key, e.g. {@code
   * personnel.people.state}) that builds a replica from them: each time it is assigned a partition
   * — at every start of the service, and after {@link EventConsumers#restart} — it reads the
   * partition from its beginning, so a replica that was lost or emptied is complete again. Its
   * event ids are not recorded in processed_event (a record read again must take effect again), so
   * its {@link #handle} must be idempotent by itself, e.g. apply a snapshot only if its version is
   * newer than the one applied.
   */
  default boolean readsFromStart() {
    return false;
  }
}
