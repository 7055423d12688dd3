package cn.gov.jingyang.ops.stack;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stack started by another launcher process, found through the pid files under {@code .stack/}:
 * {@code ./stackctl down} stops it, {@code ./stackctl status} asks its services' readiness.
 */
final class RunningStack {

  private RunningStack() {}

  /** The launcher of a stack that is running now, if any. */
  static Optional<ProcessHandle> launcher(StackLayout layout) {
    return readPid(layout.launcherPid()).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
  }

  /** Stops the stack of another process; also cleans up after a launcher that was killed hard. */
  static boolean down(StackLayout layout) throws Exception {
    Optional<ProcessHandle> launcher = launcher(layout);
    if (launcher.isPresent()) {
      Stack.say("stopping the stack (pid %d)", launcher.get().pid());
      launcher.get().destroy();
      launcher.get().onExit().get(120, TimeUnit.SECONDS);
    }
    boolean leftovers = false;
    if (Files.exists(layout.childPids())) {
      for (String line : Files.readAllLines(layout.childPids())) {
        Optional<ProcessHandle> child =
            ProcessHandle.of(Long.parseLong(line.trim())).filter(ProcessHandle::isAlive);
        if (child.isPresent()) {
          leftovers = true;
          child.get().destroy();
          child.get().onExit().get(30, TimeUnit.SECONDS);
        }
      }
      Files.deleteIfExists(layout.childPids());
    }
    Optional<ProcessHandle> postmaster =
        readPid(layout.postgresData().resolve("postmaster.pid"))
            .flatMap(ProcessHandle::of)
            .filter(ProcessHandle::isAlive);
    if (postmaster.isPresent()) {
      leftovers = true;
      postmaster.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
      postmaster.get().onExit().get(60, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(layout.launcherPid());
    if (launcher.isEmpty() && !leftovers) {
      Stack.say("no stack was running");
    } else {
      Stack.say("stopped");
    }
    return true;
  }

  static boolean status(StackLayout layout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    boolean all = true;
    for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
      for (int n = 0; n < layout.instances(); n++) {
        boolean ready = ServiceProcesses.ready(http, layout.port(s, n));
        all &= ready;
        Stack.say(
            "%-12s http://localhost:%d  %s",
            new ServiceInstance(s, n).label(), layout.port(s, n), ready ? "READY" : "not ready");
      }
    }
    return all;
  }

  private static Optional<Long> readPid(Path file) {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
      return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
