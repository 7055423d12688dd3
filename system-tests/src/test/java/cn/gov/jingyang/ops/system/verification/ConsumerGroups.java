package cn.gov.jingyang.ops.system.verification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

/**
 * The services' consumer groups as an operator sees them with Kafka's admin client ({@code
 * kafka-consumer-groups --describe}): per group, how many partitions each member holds now.
 */
final class ConsumerGroups {

  private ConsumerGroups() {}

  /** Group → the number of partitions each of its members holds (one entry per member). */
  static Map<String, List<Integer>> ofServices(String bootstrap, List<String> services) {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(config)) {
      List<String> groups =
          admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
              .map(ConsumerGroupListing::groupId)
              .filter(g -> services.stream().anyMatch(s -> g.startsWith(s + ".")))
              .sorted()
              .toList();
      Map<String, List<Integer>> members = new HashMap<>();
      for (Map.Entry<String, ConsumerGroupDescription> group :
          admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS).entrySet()) {
        members.put(
            group.getKey(),
            group.getValue().members().stream()
                .map(m -> m.assignment().topicPartitions().size())
                .sorted()
                .toList());
      }
      return members;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
