package cn.gov.jingyang.ops.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Spectral on a JDK-only machine: Node.js from the PATH when it is 18.17 or newer, else the pinned
 * Node.js binary from the npm registry (package {@code node-<os>-<arch>}); npm itself from the
 * registry too; then {@code npm ci} of the pinned Spectral and OWASP ruleset
 * (src/test/spectral/package-lock.json). Everything is cached under {@code
 * ~/.cache/jingyang-ops/spectral} (another place: {@code -Dspectral.cache=DIR}); each download is
 * checked against the integrity the registry publishes.
 */
final class Spectral {

  static final String NODE_VERSION = "20.20.2";
  static final String NPM_VERSION = "10.8.2";
  private static final String REGISTRY = "https://registry.npmjs.org/";
  private static final Path SOURCES = Path.of("src/test/spectral");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(30))
          .build();
  private final Path cache =
      Path.of(
          System.getProperty(
              "spectral.cache",
              Path.of(System.getProperty("user.home"), ".cache", "jingyang-ops", "spectral")
                  .toString()));

  /** One finding of Spectral; severity 0 is an error, 1 a warning. */
  record Finding(String code, int severity, String message, String path) {}

  /** Lints {@code document} with the committed ruleset; every finding, errors and warnings. */
  List<Finding> lint(Path document) throws Exception {
    String node = node();
    Path project = installed(node);
    Path out = Files.createTempFile("spectral", ".json");
    run(
        project,
        Duration.ofMinutes(5),
        node,
        project.resolve("node_modules/@stoplight/spectral-cli/dist/index.js").toString(),
        "lint",
        "--ruleset",
        project.resolve(".spectral.yaml").toString(),
        "--format",
        "json",
        "--output",
        out.toString(),
        "--quiet",
        document.toAbsolutePath().toString());
    List<Finding> findings = new ArrayList<>();
    for (JsonNode f : json.readTree(out.toFile())) {
      List<String> at = new ArrayList<>();
      f.path("path").forEach(p -> at.add(p.asText()));
      findings.add(
          new Finding(
              f.path("code").asText(),
              f.path("severity").asInt(),
              f.path("message").asText(),
              String.join(" > ", at)));
    }
    return findings;
  }

  /** The project with Spectral installed from the lock file; installed once per lock file. */
  private Path installed(String node) throws Exception {
    byte[] lock = Files.readAllBytes(SOURCES.resolve("package-lock.json"));
    String id =
        java.util.HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(lock))
            .substring(0, 16);
    Path project = cache.resolve("project-" + id);
    Path done = project.resolve(".installed");
    if (!Files.exists(done)) {
      Files.createDirectories(project);
      for (String file : List.of("package.json", "package-lock.json")) {
        Files.copy(
            SOURCES.resolve(file), project.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      Path npm = unpacked("npm", NPM_VERSION).resolve("bin/npm-cli.js");
      run(
          project,
          Duration.ofMinutes(10),
          node,
          npm.toString(),
          "ci",
          "--ignore-scripts",
          "--no-audit",
          "--no-fund",
          "--cache",
          cache.resolve("npm-cache").toString());
      Files.writeString(done, id);
    }
    // the ruleset next to node_modules, so that its extends resolve to the installed packages
    Files.copy(
        SOURCES.resolve(".spectral.yaml"),
        project.resolve(".spectral.yaml"),
        StandardCopyOption.REPLACE_EXISTING);
    return project;
  }

  /** {@code node} from the PATH if recent enough, else the pinned binary from the registry. */
  private String node() throws Exception {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && recent(version)) {
        return "node";
      }
    } catch (IOException notOnPath) {
      // fall through to the registry's binary
    }
    String os =
        System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "darwin" : "linux";
    String arch = System.getProperty("os.arch").matches("aarch64|arm64") ? "arm64" : "x64";
    Path node = unpacked("node-" + os + "-" + arch, NODE_VERSION).resolve("bin/node");
    node.toFile().setExecutable(true);
    return node.toString();
  }

  static boolean recent(String version) {
    String[] parts = version.replaceFirst("^v", "").split("\\.");
    int major = Integer.parseInt(parts[0]);
    int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    return major > 18 || (major == 18 && minor >= 17);
  }

  /** The registry package's tarball, checked against its published integrity and unpacked. */
  private Path unpacked(String name, String version) throws Exception {
    Path dir = cache.resolve(name + "-" + version);
    Path pkg = dir.resolve("package");
    if (Files.exists(dir.resolve(".unpacked"))) {
      return pkg;
    }
    JsonNode meta = json.readTree(get(REGISTRY + name + "/" + version));
    String integrity = meta.path("dist").path("integrity").asText();
    byte[] tarball = get(meta.path("dist").path("tarball").asText());
    String actual =
        "sha512-"
            + Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-512").digest(tarball));
    if (!actual.equals(integrity)) {
      throw new IllegalStateException(
          name + "@" + version + ": integrity " + actual + " != " + integrity);
    }
    Files.createDirectories(dir);
    Path tgz = dir.resolve("package.tgz");
    Files.write(tgz, tarball);
    run(dir, Duration.ofMinutes(5), "tar", "xzf", tgz.toString());
    Files.delete(tgz);
    Files.writeString(dir.resolve(".unpacked"), integrity);
    return pkg;
  }

  private byte[] get(String url) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + ": " + response.statusCode());
    }
    return response.body();
  }

  private static void run(Path dir, Duration timeout, String... command) throws Exception {
    Path log = Files.createTempFile("spectral-run", ".log");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " took over " + timeout);
    }
    // spectral lint exits 1 when it finds errors: the findings are read from its output file
    boolean lint = List.of(command).contains("lint");
    if (p.exitValue() != 0 && !(lint && p.exitValue() == 1)) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + Files.readString(log));
    }
  }
}
