package cn.gov.jingyang.ops.system.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium driven by {@code playwright-core} (src/test/playwright, pinned by its
 * lock file) under the node on the PATH. Installs what is missing itself: the {@code chromium} and
 * {@code fonts-wqy-zenhei} packages with apt-get (the test runs as root, as CI does), and
 * playwright-core with {@code npm ci} into {@code ~/.cache/jingyang-ops/playwright} (another place:
 * {@code -Dplaywright.cache=DIR}). Playwright never downloads a browser here: it launches {@code
 * /usr/bin/chromium}.
 */
final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
  private static final Path SOURCES = Path.of("src/test/playwright");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path cache =
      Path.of(
          System.getProperty(
              "playwright.cache",
              Path.of(System.getProperty("user.home"), ".cache", "jingyang-ops", "playwright")
                  .toString()));

  /** Runs src/test/playwright/dashboard.mjs with {@code input}; what the page showed. */
  JsonNode dashboard(Map<String, Object> input) throws Exception {
    chromium();
    Path project = installed();
    Files.copy(
        SOURCES.resolve("dashboard.mjs"),
        project.resolve("dashboard.mjs"),
        StandardCopyOption.REPLACE_EXISTING);
    Path profile = Files.createTempDirectory("dashboard-chromium-profile");
    Map<String, Object> run = new java.util.HashMap<>(input);
    run.put("chromium", CHROMIUM.toString());
    run.put("profile", profile.toString());
    String output =
        run(
            project,
            Duration.ofMinutes(6),
            Map.of("DASHBOARD_RUN", JSON.writeValueAsString(run)),
            "node",
            "dashboard.mjs");
    List<String> lines = output.lines().filter(l -> l.startsWith("{")).toList();
    if (lines.isEmpty()) {
      throw new IllegalStateException("the browser run printed no result:\n" + output);
    }
    return JSON.readTree(lines.get(lines.size() - 1));
  }

  /**
   * Debian's chromium and a Chinese font (without one the screenshot shows boxes for the labels),
   * installed with apt-get when absent.
   */
  private static void chromium() throws Exception {
    if (Files.isExecutable(CHROMIUM) && Files.exists(CJK_FONT)) {
      return;
    }
    Path here = Path.of(".");
    String[] install = {"apt-get", "install", "-y", "chromium", "fonts-wqy-zenhei"};
    try {
      run(here, Duration.ofMinutes(15), Map.of(), install);
    } catch (IllegalStateException staleIndex) {
      run(here, Duration.ofMinutes(10), Map.of(), "apt-get", "update");
      run(here, Duration.ofMinutes(15), Map.of(), install);
    }
  }

  /** The project with playwright-core installed from the lock file; once per lock file. */
  private Path installed() throws Exception {
    byte[] lock = Files.readAllBytes(SOURCES.resolve("package-lock.json"));
    String id =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(lock))
            .substring(0, 16);
    Path project = cache.resolve("project-" + id);
    if (!Files.exists(project.resolve(".installed"))) {
      Files.createDirectories(project);
      for (String file : List.of("package.json", "package-lock.json")) {
        Files.copy(
            SOURCES.resolve(file), project.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      run(
          project,
          Duration.ofMinutes(10),
          Map.of(),
          "npm",
          "ci",
          "--ignore-scripts",
          "--no-audit",
          "--no-fund");
      Files.writeString(project.resolve(".installed"), id);
    }
    return project;
  }

  private static String run(Path dir, Duration timeout, Map<String, String> env, String... command)
      throws Exception {
    Path log = Files.createTempFile("browser-run", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = builder.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " took over " + timeout);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + output);
    }
    return output;
  }
}
