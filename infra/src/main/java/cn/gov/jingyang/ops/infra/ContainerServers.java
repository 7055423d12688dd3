package cn.gov.jingyang.ops.infra;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The test PostgreSQL and Kafka as Testcontainers, from the images {@code docker/build-images.sh}
 * builds (nothing is pulled): chosen with {@code -Pcontainers} when a Docker engine answers and
 * both images exist. Without Ryuk (the profile turns it off), so a shutdown hook stops them, as it
 * stops the embedded servers; the project's {@code testcontainers.properties} names a local tiny
 * image.
 */
final class ContainerServers {

  static final String POSTGRES_IMAGE =
      System.getProperty("infra.postgres-image", "jingyang/postgres:17");
  static final String KAFKA_IMAGE = System.getProperty("infra.kafka-image", "jingyang/kafka:4.1.2");

  private static final Logger LOG = Logger.getLogger(ContainerServers.class);

  /** JDBC URL (database {@code postgres}) and bootstrap servers of the started containers. */
  record Servers(String jdbcUrl, String bootstrapServers) {}

  private ContainerServers() {}

  /**
   * The reason containers cannot be used here, or empty when a Docker engine answers and both
   * images exist locally.
   */
  static Optional<String> unavailable() {
    try {
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        return Optional.of("no Docker engine answers");
      }
      for (String image : List.of(POSTGRES_IMAGE, KAFKA_IMAGE)) {
        try {
          DockerClientFactory.lazyClient().inspectImageCmd(image).exec();
        } catch (RuntimeException e) {
          return Optional.of("image " + image + " is missing (docker/build-images.sh builds it)");
        }
      }
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      return Optional.of("Testcontainers could not start: " + e);
    }
  }

  static Servers start() {
    long started = System.nanoTime();
    GenericContainer<?> postgres =
        new GenericContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
            .withEnv("POSTGRES_USER", PostgresServer.USER)
            .withEnv("POSTGRES_PASSWORD", PostgresServer.PASSWORD)
            // the same settings as the embedded test server: durability is not what tests check
            .withCommand(
                "postgres",
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off")
            .withExposedPorts(5432)
            .waitingFor(
                Wait.forLogMessage(".*database system is ready to accept connections.*", 1)
                    .withStartupTimeout(Duration.ofMinutes(2)));
    stopOnExit(postgres);
    postgres.start();
    String jdbc =
        PostgresServer.jdbcUrl(postgres.getHost(), postgres.getMappedPort(5432), "postgres");
    LOG.infof("PostgreSQL container (%s) at %s in %d ms", POSTGRES_IMAGE, jdbc, millis(started));

    started = System.nanoTime();
    // the broker advertises the host's port, so it is fixed before the container starts
    int port = FreePorts.next();
    GenericContainer<?> kafka =
        new GenericContainer<>(DockerImageName.parse(KAFKA_IMAGE))
            .withEnv("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093")
            .withEnv("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:" + port)
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_NUM_PARTITIONS", "3")
            .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "3")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .withEnv("KAFKA_HEAP_OPTS", "-Xmx512m")
            .withCreateContainerCmdModifier(
                cmd ->
                    cmd.getHostConfig()
                        .withPortBindings(
                            new PortBinding(Ports.Binding.bindPort(port), ExposedPort.tcp(9092))))
            .waitingFor(
                Wait.forLogMessage(".*Transition from STARTING to STARTED.*", 1)
                    .withStartupTimeout(Duration.ofMinutes(2)));
    stopOnExit(kafka);
    kafka.start();
    String bootstrap = "localhost:" + port;
    LOG.infof("Kafka container (%s) at %s in %d ms", KAFKA_IMAGE, bootstrap, millis(started));
    return new Servers(jdbc, bootstrap);
  }

  private static void stopOnExit(GenericContainer<?> container) {
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-container"));
  }

  private static long millis(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
