package cn.gov.jingyang.ops.platform.events;

/**
 * An event a service publishes: one record class per event type, named {@code
 * <Aggregate><PastTenseVerb>}. Its record components are the event's data; the two methods below
 * say which aggregate it belongs to (the Kafka key, so order holds per aggregate).
 */
public interface DomainEvent {

  String aggregateType();

  String aggregateId();

  /** The event name in the CloudEvents type; the class's simple name unless overridden. */
  default String eventName() {
    return getClass().getSimpleName();
  }
}
