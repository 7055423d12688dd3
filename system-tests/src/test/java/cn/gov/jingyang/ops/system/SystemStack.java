package cn.gov.jingyang.ops.system;

import cn.gov.jingyang.ops.infra.FileTrees;
import cn.gov.jingyang.ops.infra.SealingKeys;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.stack.StackLayout;
import cn.gov.jingyang.ops.stack.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one suite of this test JVM, started by the launcher of {@code ./stackctl up} ({@link Suite})
 * on free ports with its data under {@code target/system-stack}, stopped when the JVM ends. Unlike
 * {@code ./stackctl up}, no development key anywhere: the gateway signs with a key made for this
 * run, and the services verify tokens against the gateway's live {@code /.well-known/jwks.json}, as
 * in a deployment.
 */
public final class SystemStack {

  private static SystemStack instance;
  private static RuntimeException failure;

  /** Where the services export their spans (tracing is on in the system stack). */
  private static final OtlpSink SPANS = new OtlpSink();

  private final Suite suite;
  private final KeyPair signingKey;
  private final String keyId;
  private final GatewayApi api;

  private SystemStack(Suite suite, KeyPair signingKey, String keyId) {
    this.suite = suite;
    this.signingKey = signingKey;
    this.keyId = keyId;
    this.api = new GatewayApi(gateway());
  }

  /** The suite, started on first use (a few minutes on two cores), then shared by every test. */
  public static synchronized SystemStack get() {
    if (failure != null) {
      throw new IllegalStateException("the system stack did not start", failure);
    }
    if (instance == null) {
      try {
        instance = start();
      } catch (RuntimeException e) {
        failure = e; // once: the next test class must not start a second stack
        throw e;
      }
    }
    return instance;
  }

  private static SystemStack start() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path data = Path.of("target/system-stack").toAbsolutePath();
    try {
      FileTrees.delete(data);
      Files.createDirectories(data);
      // the scale-out execution runs two of every service (system property system.stack.instances)
      StackLayout layout =
          StackLayout.onFreePorts(root, data, Integer.getInteger("system.stack.instances", 1));
      KeyPair key = KeyPairGenerator.getInstance("RSA").genKeyPair();
      String keyId = "system-" + UUID.randomUUID().toString().substring(0, 8);
      Path publicKey = data.resolve("gateway-public-key.pem");
      Files.writeString(publicKey, pem("PUBLIC KEY", key.getPublic().getEncoded()));
      Suite suite = new Suite(layout, environment(layout, key, keyId, publicKey));
      Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "system-stack-shutdown"));
      try {
        suite.start();
      } catch (IOException | RuntimeException e) {
        suite.close();
        throw e;
      }
      return new SystemStack(suite, key, keyId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the system stack sets on top of the launcher's own environment. */
  private static Map<ServiceCatalog.Service, Map<String, String>> environment(
      StackLayout layout, KeyPair key, String keyId, Path publicKey) {
    Map<ServiceCatalog.Service, Map<String, String>> env = new HashMap<>();
    // this run's own keys sealing personal data at rest, one ring for all services (case-service
    // opens the sealed fields of checkpoint's events), as a deployment has them
    String sealingKeys = "st:" + SealingKeys.random();
    String lookupKey = SealingKeys.random();
    String jwks =
        "http://localhost:" + layout.port(ServiceCatalog.GATEWAY) + "/.well-known/jwks.json";
    for (ServiceCatalog.Service service : ServiceCatalog.ALL) {
      env.put(
          service,
          new HashMap<>(
              Map.of(
                  "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                  jwks,
                  "OPS_SECURITY_ALLOW_DEVELOPMENT_KEY",
                  "false")));
      env.get(service).put("OPS_PERSONAL_DATA_KEYS", sealingKeys);
      env.get(service).put("OPS_PERSONAL_DATA_LOOKUP_KEY", lookupKey);
      // tracing on, exported to this JVM's OTLP sink; a line per applied event (TraceIdTest)
      env.get(service).put("QUARKUS_OTEL_SDK_DISABLED", "false");
      env.get(service).put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", SPANS.endpoint());
      env.get(service).put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
      env.get(service).put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
      env.get(service).put("OPS_CONSUMER_LOG_APPLIED", "true");
      // the launcher's access line plus the traceparent the request came with (TraceIdTest)
      env.get(service)
          .put(
              "QUARKUS_HTTP_ACCESS_LOG_PATTERN",
              "%m %U status=%s durationMs=%D requestId=%{o,X-Correlation-Id}"
                  + " traceparent=%{i,traceparent}");
    }
    // the provincial import in small chunks, and a killed import taken as interrupted after 20 s
    // (ProvincialImportKillTest), instead of 50,000 rows and 2 min
    env.get(ServiceCatalog.CASE).put("CASE_IMPORT_CHUNK_ROWS", "5000");
    env.get(ServiceCatalog.CASE).put("CASE_IMPORT_STALE_AFTER", "PT20S");
    env.get(ServiceCatalog.CASE).put("CASE_IMPORT_CHUNK_TIMEOUT", "PT20S");
    Map<String, String> gateway = new HashMap<>(env.get(ServiceCatalog.GATEWAY));
    gateway.put("OPS_GATEWAY_SIGNING_KEY_ID", keyId);
    gateway.put(
        "OPS_GATEWAY_SIGNING_PRIVATE_KEY", pem("PRIVATE KEY", key.getPrivate().getEncoded()));
    // the gateway checks tokens itself too (its admin API, the rate limit's client)
    gateway.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
    gateway.put("OPS_SECURITY_ALLOW_DEVELOPMENT_KEY", "false");
    // the authorization matrix sends thousands of requests: generous allowances
    gateway.put("OPS_GATEWAY_RATE_LIMIT_ANONYMOUS_CAPACITY", "1000000");
    gateway.put("OPS_GATEWAY_RATE_LIMIT_ANONYMOUS_REFILL_PER_SECOND", "10000");
    gateway.put("OPS_GATEWAY_RATE_LIMIT_AUTHENTICATED_CAPACITY", "1000000");
    gateway.put("OPS_GATEWAY_RATE_LIMIT_AUTHENTICATED_REFILL_PER_SECOND", "10000");
    for (String role : new String[] {"COMMAND", "PROVINCIAL_PLATFORM", "CHECKPOINT_OFFICER"}) {
      gateway.put("OPS_GATEWAY_RATE_LIMIT_ROLES_" + role + "_CAPACITY", "1000000");
      gateway.put("OPS_GATEWAY_RATE_LIMIT_ROLES_" + role + "_REFILL_PER_SECOND", "10000");
    }
    env.put(ServiceCatalog.GATEWAY, gateway);
    return env;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The spans the services exported. */
  OtlpSink spans() {
    return SPANS;
  }

  /** The gateway's public API, with one client per role (shared by every test). */
  public GatewayApi api() {
    return api;
  }

  /** The gateway's base URL, e.g. {@code http://localhost:41234}. */
  public String gateway() {
    return url(ServiceCatalog.GATEWAY);
  }

  /** A service's own base URL (bypassing the gateway). */
  public String url(ServiceCatalog.Service service) {
    return "http://localhost:" + suite.port(service);
  }

  /** Instance {@code n} (from 0) of a service, bypassing the gateway. */
  public String url(ServiceCatalog.Service service, int n) {
    return "http://localhost:" + suite.layout().port(service, n);
  }

  /** How many instances of every service run (1, or 2 in the scale-out execution). */
  public int instances() {
    return suite.layout().instances();
  }

  /** The stack's data on disk: PostgreSQL's and Kafka's directories and the service logs. */
  public StackLayout layout() {
    return suite.layout();
  }

  /** A database of the stack's PostgreSQL, for what only an operator's query shows. */
  public String jdbcUrl(String database) {
    return suite.jdbcUrl(database);
  }

  /** Everything a service process wrote so far (its log, across restarts). */
  public String log(ServiceCatalog.Service service) {
    return log(service, 0);
  }

  /** Everything instance {@code n} (from 0) of a service wrote so far. */
  public String log(ServiceCatalog.Service service, int n) {
    try {
      return Files.readString(suite.layout().log(service, n), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String kafkaBootstrapServers() {
    return suite.kafkaBootstrapServers();
  }

  /** Stops one service process (SIGTERM); the others keep running. */
  public void stop(ServiceCatalog.Service service) {
    suite.stop(service);
  }

  /** Kills one service process (SIGKILL); the others keep running. */
  public void kill(ServiceCatalog.Service service) {
    try {
      suite.kill(service);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Kills instance {@code n} (from 0) of a service (SIGKILL); its other instances keep running. */
  public void kill(ServiceCatalog.Service service, int n) {
    try {
      suite.kill(service, n);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts a stopped service process again and waits until it is ready. */
  public void restart(ServiceCatalog.Service service) {
    try {
      suite.restart(service);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The gateway's signing key of this run (to forge tokens that differ in one detail only). */
  KeyPair signingKey() {
    return signingKey;
  }

  String keyId() {
    return keyId;
  }
}
