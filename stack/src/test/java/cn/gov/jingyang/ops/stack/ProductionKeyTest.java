package cn.gov.jingyang.ops.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.FileTrees;
import cn.gov.jingyang.ops.infra.FreePorts;
import cn.gov.jingyang.ops.infra.PostgresServer;
import cn.gov.jingyang.ops.infra.SealingKeys;
import cn.gov.jingyang.ops.infra.ServiceCatalog;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A packaged service (personnel-service's jar, as deployed: production profile) started without a
 * key of its own refuses to start, saying which keys to set; with the development key configured
 * explicitly it refuses too (only ./stackctl's opt-in admits it); with a key of its own it starts
 * and trusts that key alone. Needs personnel-service packaged (it precedes this module in the
 * build).
 */
class ProductionKeyTest {

  private static final Path WORK = Path.of("target/production-key-test").toAbsolutePath();
  private static final Path JAR =
      Path.of("..")
          .toAbsolutePath()
          .normalize()
          .resolve(ServiceCatalog.PERSONNEL.module())
          .resolve("target/quarkus-app/quarkus-run.jar");

  private static PostgresServer postgres;
  private static final List<Process> started = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void database() throws IOException {
    assertThat(JAR)
        .as("personnel-service must be packaged first (./mvnw package -pl personnel-service -am)")
        .exists();
    FileTrees.delete(WORK);
    Files.createDirectories(WORK);
    postgres = PostgresServer.start(WORK.resolve("postgres"), FreePorts.next(), true);
  }

  @AfterAll
  static void stop() {
    started.forEach(Process::destroyForcibly);
    started.forEach(p -> p.onExit().join());
    if (postgres != null) {
      postgres.close();
    }
  }

  /**
   * The service in the production profile, configured only by {@code env} (and a database of its
   * own, a port).
   */
  private static Process service(String name, int port, Map<String, String> env)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                ServiceProcesses.javaExecutable(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve(name + ".log").toFile());
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(
            k ->
                k.startsWith("MP_JWT_")
                    || k.startsWith("SMALLRYE_JWT_")
                    || k.startsWith("OPS_SECURITY_")
                    || k.equals("QUARKUS_PROFILE"));
    environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    String database = "personnel_" + name.replace('-', '_');
    postgres.ensureDatabase(database);
    environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
    environment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
    environment.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
    environment.put(
        "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + FreePorts.next()); // no broker needed to start
    environment.put("OPS_CONSUMER_ENABLED", "false");
    environment.put("OPS_OUTBOX_RELAY_ENABLED", "false");
    // personal data sealed with keys of this deployment's own: the token key is what each case
    // varies (PersonalDataSealingTest refuses missing or development sealing keys in production)
    environment.put("OPS_PERSONAL_DATA_KEYS", "own:" + SealingKeys.random());
    environment.put("OPS_PERSONAL_DATA_LOOKUP_KEY", SealingKeys.random());
    environment.putAll(env);
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private static String exitAndLog(Process process, String name) throws Exception {
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s ends by itself", name).isTrue();
    return Files.readString(WORK.resolve(name + ".log"));
  }

  @Test
  void shouldRefuseToStartInProductionWithoutAKeyOfItsOwnAndStartWithOne() throws Exception {
    KeyPair own = KeyPairGenerator.getInstance("RSA").genKeyPair();
    Path publicKey = WORK.resolve("deployment-public-key.pem");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(own.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    int port = FreePorts.next();

    // all three at once: the test waits for the slowest JVM start, not for the sum of them
    Process withoutKey = service("without-key", FreePorts.next(), Map.of());
    Process withDevelopmentKey =
        service(
            "development-key",
            FreePorts.next(),
            Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "jwt/dev-public-key.pem"));
    Process withOwnKey =
        service("own-key", port, Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString()));

    String refused = exitAndLog(withoutKey, "without-key");
    assertThat(withoutKey.exitValue()).as(refused).isNotZero();
    assertThat(refused)
        .contains("No key to verify the signature of tokens is configured")
        .contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
        .contains("MP_JWT_VERIFY_PUBLICKEY");

    String development = exitAndLog(withDevelopmentKey, "development-key");
    assertThat(withDevelopmentKey.exitValue()).as(development).isNotZero();
    assertThat(development)
        .contains("mp.jwt.verify.publickey.location names the development key")
        .contains("OPS_SECURITY_ALLOW_DEVELOPMENT_KEY");

    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              assertThat(withOwnKey.isAlive())
                  .as(
                      "started with its own key:%n%s",
                      Files.readString(WORK.resolve("own-key.log")))
                  .isTrue();
              return status(http, port, "/q/health/live", null) == 200;
            });
    String ownToken =
        Jwt.issuer(DevTokens.ISSUER)
            .upn("province")
            .groups(Set.of("PROVINCIAL_PLATFORM"))
            .expiresIn(Duration.ofMinutes(5))
            .sign(own.getPrivate());
    assertThat(status(http, port, "/events?after=0&limit=1", ownToken))
        .as("a token signed by its own key")
        .isEqualTo(200);
    assertThat(
            status(
                http,
                port,
                "/events?after=0&limit=1",
                DevTokens.token("province", "PROVINCIAL_PLATFORM")))
        .as("a token signed by the development key")
        .isEqualTo(401);
  }

  private static int status(HttpClient http, int port, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1; // not listening yet
    }
  }
}
