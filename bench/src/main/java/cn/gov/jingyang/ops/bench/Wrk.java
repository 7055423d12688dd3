package cn.gov.jingyang.ops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian package) as the load client: a fixed number of keep-alive connections for a bounded
 * duration; throughput and latency percentiles from its {@code --latency} report.
 */
final class Wrk {

  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern ERRORS = Pattern.compile("Socket errors:(.*)");

  record Result(double requestsPerSecond, double p50Ms, double p99Ms, long failed) {}

  private final int threads;
  private final int connections;

  Wrk(int threads, int connections) {
    this.threads = threads;
    this.connections = connections;
  }

  static void ensureInstalled() throws IOException, InterruptedException {
    Debian.ensureInstalled("wrk", "wrk");
  }

  /** A run of {@code seconds} against {@code url} with the given bearer token (or none). */
  Result run(String url, String token, int seconds) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "--latency"));
    if (token != null) {
      command.add("-H");
      command.add("Authorization: Bearer " + token);
    }
    command.add(url);
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    return parse(out);
  }

  static Result parse(String out) {
    Matcher rate = RATE.matcher(out);
    if (!rate.find()) {
      throw new IllegalStateException("no rate in wrk output: " + out);
    }
    long failed = 0;
    Matcher non2xx = NON_2XX.matcher(out);
    if (non2xx.find()) {
      failed += Long.parseLong(non2xx.group(1));
    }
    Matcher errors = ERRORS.matcher(out);
    if (errors.find()) {
      for (String n : errors.group(1).replaceAll("[^0-9 ]", " ").trim().split("\\s+")) {
        failed += n.isEmpty() ? 0 : Long.parseLong(n);
      }
    }
    return new Result(
        Double.parseDouble(rate.group(1)), latency(out, "50%"), latency(out, "99%"), failed);
  }

  /** A line of the latency distribution, e.g. {@code 99% 3.20ms}, in milliseconds. */
  private static double latency(String out, String percentile) {
    Matcher m =
        Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\b")
            .matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no " + percentile + " in wrk output: " + out);
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }

  /** Keeps wrk's output of a run next to the report's figures (bench/target). */
  static void keep(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
