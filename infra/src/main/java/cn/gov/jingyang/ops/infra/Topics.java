package cn.gov.jingyang.ops.infra;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates topics explicitly, with the intended partition count (no broker auto-creation). */
public final class Topics {

  /** A state topic keeps the latest record of every key, for as long as the topic exists. */
  public static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");

  private Topics() {}

  public static void ensure(String bootstrapServers, Collection<String> topics, int partitions) {
    ensure(bootstrapServers, topics, partitions, Map.of());
  }

  /** Creates the compacted state topics ({@link ServiceCatalog#stateTopics()}) that are missing. */
  public static void ensureCompacted(
      String bootstrapServers, Collection<String> topics, int partitions) {
    ensure(bootstrapServers, topics, partitions, COMPACTED);
  }

  /** Creates the topics that are missing, with {@code configs}; an existing topic is left as is. */
  public static void ensure(
      String bootstrapServers,
      Collection<String> topics,
      int partitions,
      Map<String, String> configs) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(t -> !existing.contains(t))
              .distinct()
              .map(t -> new NewTopic(t, partitions, (short) 1).configs(configs))
              .toList();
      if (missing.isEmpty()) {
        return;
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create topics " + topics, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
