package cn.gov.jingyang.ops.infra;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server and Kafka broker of one test JVM, started once and shared by every test in
 * it. If the usual settings point at existing servers ({@code QUARKUS_DATASOURCE_JDBC_URL}, {@code
 * KAFKA_BOOTSTRAP_SERVERS}), those are used instead and nothing is started. With {@code
 * infra.provider=containers} (Maven profile {@code containers}) they run as Testcontainers from the
 * locally built images when Docker answers ({@link ContainerServers}).
 */
public final class TestInfrastructure {

  private static final Logger LOG = Logger.getLogger(TestInfrastructure.class);
  private static final String SHARED = "infra.shared.";
  private static TestInfrastructure instance;

  private final String serverJdbcUrl; // any database on the server; the path is replaced
  private final String user;
  private final String password;
  private final String bootstrapServers;
  private final boolean existingServer;

  private TestInfrastructure(String serverJdbcUrl, String user, String password, String bootstrap) {
    this.existingServer = setting("QUARKUS_DATASOURCE_JDBC_URL").isPresent();
    this.serverJdbcUrl = serverJdbcUrl;
    this.user = user;
    this.password = password;
    this.bootstrapServers = bootstrap;
  }

  /**
   * The servers of this JVM. Quarkus loads test resources in its own class loader, so the servers
   * are announced in system properties (JVM-wide) and every class loader attaches to the same ones.
   */
  public static TestInfrastructure get() {
    synchronized (System.getProperties()) {
      if (instance == null) {
        instance = attach().orElseGet(TestInfrastructure::start);
        announce(instance);
      }
      return instance;
    }
  }

  private static Optional<TestInfrastructure> attach() {
    String jdbc = System.getProperty(SHARED + "jdbc");
    if (jdbc == null) {
      return Optional.empty();
    }
    return Optional.of(
        new TestInfrastructure(
            jdbc,
            System.getProperty(SHARED + "user"),
            System.getProperty(SHARED + "password"),
            System.getProperty(SHARED + "bootstrap")));
  }

  private static void announce(TestInfrastructure infra) {
    System.setProperty(SHARED + "jdbc", infra.serverJdbcUrl);
    System.setProperty(SHARED + "user", infra.user);
    System.setProperty(SHARED + "password", infra.password);
    System.setProperty(SHARED + "bootstrap", infra.bootstrapServers);
  }

  private static TestInfrastructure start() {
    Optional<TestInfrastructure> containers = startContainers();
    if (containers.isPresent()) {
      return containers.get();
    }
    Path workDir = Path.of(System.getProperty("infra.work-dir", "target/infra")).toAbsolutePath();
    String jdbc;
    String user;
    String password;
    Optional<String> existingJdbc = setting("QUARKUS_DATASOURCE_JDBC_URL");
    if (existingJdbc.isPresent()) {
      jdbc = existingJdbc.get();
      user = setting("QUARKUS_DATASOURCE_USERNAME").orElse(PostgresServer.USER);
      password = setting("QUARKUS_DATASOURCE_PASSWORD").orElse(PostgresServer.PASSWORD);
      LOG.infof("tests use the existing PostgreSQL at %s", jdbc);
    } else {
      long started = System.nanoTime();
      PostgresServer postgres =
          PostgresServer.start(workDir.resolve("postgres"), FreePorts.next(), true);
      Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-postgres"));
      jdbc = postgres.jdbcUrl("postgres");
      user = PostgresServer.USER;
      password = PostgresServer.PASSWORD;
      LOG.infof("embedded PostgreSQL on port %d in %d ms", postgres.port(), millisSince(started));
    }
    String bootstrap;
    Optional<String> existingKafka = setting("KAFKA_BOOTSTRAP_SERVERS");
    if (existingKafka.isPresent()) {
      bootstrap = existingKafka.get();
      LOG.infof("tests use the existing Kafka at %s", bootstrap);
    } else {
      long started = System.nanoTime();
      KafkaBroker broker =
          KafkaBroker.start(workDir.resolve("kafka"), FreePorts.next(), FreePorts.next(), true);
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-kafka"));
      bootstrap = broker.bootstrapServers();
      LOG.infof("embedded Kafka broker at %s in %d ms", bootstrap, millisSince(started));
    }
    Topics.ensure(bootstrap, ServiceCatalog.topics(), 3);
    Topics.ensureCompacted(bootstrap, ServiceCatalog.stateTopics(), 3);
    return new TestInfrastructure(jdbc, user, password, bootstrap);
  }

  /**
   * With {@code infra.provider=containers} (the Maven profile {@code containers}) and no existing
   * servers configured: PostgreSQL and Kafka as Testcontainers when a Docker engine answers and the
   * images exist; otherwise empty, and the embedded servers are started as always.
   */
  private static Optional<TestInfrastructure> startContainers() {
    if (!"containers".equals(System.getProperty("infra.provider"))
        || setting("QUARKUS_DATASOURCE_JDBC_URL").isPresent()
        || setting("KAFKA_BOOTSTRAP_SERVERS").isPresent()) {
      return Optional.empty();
    }
    Optional<String> unavailable = ContainerServers.unavailable();
    if (unavailable.isPresent()) {
      LOG.warnf("infra.provider=containers, but %s: embedded servers instead", unavailable.get());
      return Optional.empty();
    }
    ContainerServers.Servers servers = ContainerServers.start();
    System.setProperty(SHARED + "provider", "containers");
    Topics.ensure(servers.bootstrapServers(), ServiceCatalog.topics(), 3);
    Topics.ensureCompacted(servers.bootstrapServers(), ServiceCatalog.stateTopics(), 3);
    return Optional.of(
        new TestInfrastructure(
            servers.jdbcUrl(),
            PostgresServer.USER,
            PostgresServer.PASSWORD,
            servers.bootstrapServers()));
  }

  /**
   * {@code containers} when this JVM's servers run as Testcontainers, else {@code embedded} (or the
   * existing servers configured).
   */
  public static String provider() {
    get();
    return System.getProperty(SHARED + "provider", "embedded");
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static Optional<String> setting(String envName) {
    String property = envName.toLowerCase().replace('_', '.');
    return Optional.ofNullable(System.getProperty(property))
        .or(() -> Optional.ofNullable(System.getenv(envName)))
        .filter(s -> !s.isBlank());
  }

  /**
   * The JDBC URL of {@code database} on the test server, created if missing. On an existing server
   * the name gets a {@code _test} suffix, so tests never write into a running stack's data.
   */
  public String database(String database) {
    String name = existingServer ? database + "_test" : database;
    PostgresServer.ensureDatabase(withDatabase(serverJdbcUrl, "postgres"), user, password, name);
    return withDatabase(serverJdbcUrl, name);
  }

  static String withDatabase(String jdbcUrl, String database) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Quarkus configuration that points a service at its own database and the broker. Its consumer
   * groups get a suffix of this run, so they never share partitions with a running stack's.
   */
  public Map<String, String> quarkusConfig(String database) {
    return Map.of(
        "quarkus.datasource.jdbc.url", database(database),
        "quarkus.datasource.username", user,
        "quarkus.datasource.password", password,
        "kafka.bootstrap.servers", bootstrapServers,
        "ops.consumer.group-suffix", RUN_SUFFIX);
  }

  private static final String RUN_SUFFIX =
      ".test-" + java.util.UUID.randomUUID().toString().substring(0, 8);
}
