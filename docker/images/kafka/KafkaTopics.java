import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The subset of Kafka's kafka-topics.sh that docker-compose.yml uses, on kafka-clients' Admin (the
 * broker's Maven jars hold no kafka-tools): {@code --bootstrap-server B --create [--if-not-exists]
 * --topic T --partitions N --replication-factor R [--config k=v]...} and {@code --list}. Compiled
 * into the Kafka image by docker/build-images.sh.
 */
public final class KafkaTopics {

  public static void main(String[] args) throws Exception {
    String bootstrap = "localhost:9092";
    String topic = null;
    int partitions = 1;
    short replication = 1;
    boolean create = false;
    boolean list = false;
    boolean ifNotExists = false;
    Map<String, String> configs = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--bootstrap-server" -> bootstrap = args[++i];
        case "--topic" -> topic = args[++i];
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--replication-factor" -> replication = Short.parseShort(args[++i]);
        case "--config" -> {
          String[] kv = args[++i].split("=", 2);
          configs.put(kv[0], kv[1]);
        }
        case "--create" -> create = true;
        case "--list" -> list = true;
        case "--if-not-exists" -> ifNotExists = true;
        default -> throw new IllegalArgumentException("not supported here: " + args[i]);
      }
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
    try (Admin admin = Admin.create(props)) {
      if (list) {
        List<String> names = new ArrayList<>(admin.listTopics().names().get(60, TimeUnit.SECONDS));
        names.sort(null);
        names.forEach(System.out::println);
      } else if (create && topic != null) {
        NewTopic newTopic =
            new NewTopic(topic, Optional.of(partitions), Optional.of(replication)).configs(configs);
        try {
          admin.createTopics(List.of(newTopic)).all().get(60, TimeUnit.SECONDS);
          System.out.println("Created topic " + topic + ".");
        } catch (ExecutionException e) {
          if (!(ifNotExists && e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      } else {
        throw new IllegalArgumentException("use --create --topic T ... or --list");
      }
    }
  }
}
