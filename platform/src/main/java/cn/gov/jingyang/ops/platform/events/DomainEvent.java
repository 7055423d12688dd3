package cn.gov.jingyang.ops.platform.events;

/**
 * An event a service publishes: one record class per event type, named {@code
 * <Aggregate><PastTenseVerb>}. Its record components are the event's data; the two methods below
 * say which aggregate it belongs to (the Kafka key, so order holds per aggregate). A service says
 * them once per aggregate, in a small interface extending this one with default methods (e.g.
 * {@code PersonEvent}: type "Person", id the record's {@code personId}), which its event records
 * implement; the methods are not record components, so they never appear in the event's JSON.
 */
public interface DomainEvent {

  String aggregateType();

  String aggregateId();

  /** The event name in the CloudEvents type; the class's simple name unless overridden. */
  default String eventName() {
    return getClass().getSimpleName();
  }
}
