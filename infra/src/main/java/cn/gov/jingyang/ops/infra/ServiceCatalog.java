package cn.gov.jingyang.ops.infra;

import java.util.List;

/** The services of the platform: their module, database, event topic and default HTTP port. */
public final class ServiceCatalog {

  public record Service(String name, String module, String database, int port) {
    public String topic() {
      return name + ".events";
    }

    public String deadLetterTopic() {
      return topic() + ".dlt";
    }
  }

  public static final Service GATEWAY = new Service("gateway", "gateway", "gateway", 8080);
  public static final Service CHECKPOINT =
      new Service("checkpoint", "checkpoint-service", "checkpoint", 8081);
  public static final Service CASE = new Service("case", "case-service", "cases", 8082);
  public static final Service PERSONNEL =
      new Service("personnel", "personnel-service", "personnel", 8083);

  public static final List<Service> ALL = List.of(GATEWAY, CHECKPOINT, CASE, PERSONNEL);

  private ServiceCatalog() {}

  /**
   * The compacted state topics (cleanup.policy=compact, key = aggregate id): the latest snapshot of
   * every person and unit, from which a service deployed later builds its replicas.
   */
  public static List<String> stateTopics() {
    return List.of("personnel.people.state", "personnel.units.state");
  }

  /**
   * Every topic with the default (time-based) retention: each service's events and their
   * dead-letter topics, and the dead-letter topics of the state topics.
   */
  public static List<String> topics() {
    return java.util.stream.Stream.concat(
            ALL.stream().flatMap(s -> java.util.stream.Stream.of(s.topic(), s.deadLetterTopic())),
            stateTopics().stream().map(t -> t + ".dlt"))
        .toList();
  }
}
