package cn.gov.jingyang.ops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tool from a Debian package, installed with apt-get when absent (the bench host runs as root).
 */
final class Debian {

  private Debian() {}

  static void ensureInstalled(String binary, String pkg) throws IOException, InterruptedException {
    if (onPath(binary)) {
      return;
    }
    ImportBenchmark.say("installing %s (apt-get install -y %s)", binary, pkg);
    Process apt =
        new ProcessBuilder(
                List.of(
                    "apt-get",
                    "-o",
                    "DPkg::Lock::Timeout=600",
                    "install",
                    "-y",
                    "--no-install-recommends",
                    pkg))
            .redirectErrorStream(true)
            .start();
    apt.getOutputStream().close();
    String out = new String(apt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (apt.waitFor() != 0 || !onPath(binary)) {
      throw new IllegalStateException("could not install " + pkg + ": " + out);
    }
  }

  static boolean onPath(String binary) throws IOException, InterruptedException {
    Process which = new ProcessBuilder("sh", "-c", "command -v " + binary).start();
    which.getInputStream().readAllBytes();
    return which.waitFor() == 0;
  }
}
