package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.util.List;
import java.util.Map;

/** The P4 section: start to ready and RSS of each service alone, and the whole stack's start. */
final class StartupReport {

  private StartupReport() {}

  static String section(
      List<Double> stackStarts,
      Map<ServiceCatalog.Service, List<Startup.Run>> alone,
      Map<ServiceCatalog.Service, List<Startup.Run>> altAlone,
      Map<ServiceCatalog.Service, Long> stackIdle,
      Map<ServiceCatalog.Service, Long> stackAfterLoad,
      String command) {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        ## P4: start to ready and memory, per service and for the whole stack

        **Each service alone**: the stack's own process of the service is stopped and the packaged \
        jar started again on its port exactly as the launcher starts it (`%s`, production profile, its database already migrated, PostgreSQL, Kafka \
        and the other services running idle), timed from the process start to the first 200 of \
        `/q/health/ready` (asked every 20 ms); RSS (`VmRSS`) 5 s after ready, and after a 5 s wrk \
        burst of an authenticated GET (4 connections: gateway `/api/v1/checkpoint/risk-rules`, \
        checkpoint `/risk-rules`, case `/verification-tasks?size=20`, personnel `/people?size=20`). \
        Medians of %d starts each.

        | service | start → ready (median) | CPU time to ready | RSS idle | RSS after the burst | starts (s) |
        |---|---|---|---|---|---|
        """
            .formatted(
                String.join(" ", Startup.JVM_OPTIONS),
                alone.values().stream().findFirst().map(List::size).orElse(0)));
    double worstStart = 0;
    long worstRss = 0;
    for (Map.Entry<ServiceCatalog.Service, List<Startup.Run>> e : alone.entrySet()) {
      List<Double> starts = e.getValue().stream().map(Startup.Run::readySeconds).toList();
      double idle = Samples.median(e.getValue().stream().map(r -> (double) r.idleRssMb()).toList());
      double loaded =
          Samples.median(e.getValue().stream().map(r -> (double) r.loadedRssMb()).toList());
      worstStart = Math.max(worstStart, Samples.median(starts));
      worstRss = Math.max(worstRss, (long) loaded);
      s.append(
          String.format(
              "| %s | %.2f s | %.1f s | %.0f MB | %.0f MB | %s |%n",
              e.getKey().name(),
              Samples.median(starts),
              Samples.median(e.getValue().stream().map(Startup.Run::cpuSeconds).toList()),
              idle,
              loaded,
              Samples.rounds(starts, "%.2f")));
    }
    double stack = Samples.median(stackStarts);
    for (Map.Entry<ServiceCatalog.Service, List<Startup.Run>> e : altAlone.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      List<Double> starts = e.getValue().stream().map(Startup.Run::readySeconds).toList();
      s.append(
          String.format(
              "| %s with `%s` | %.2f s | %.1f s | %.0f MB | %.0f MB | %s |%n",
              e.getKey().name(),
              String.join(" ", Startup.ALT_JVM_OPTIONS),
              Samples.median(starts),
              Samples.median(e.getValue().stream().map(Startup.Run::cpuSeconds).toList()),
              Samples.median(e.getValue().stream().map(r -> (double) r.idleRssMb()).toList()),
              Samples.median(e.getValue().stream().map(r -> (double) r.loadedRssMb()).toList()),
              Samples.rounds(starts, "%.2f")));
    }
    if (alone.isEmpty()) {
      s.append("| (not measured in this run) | | | | | |\n");
    }
    s.append(
        "\nThe CPU time a process used until it was ready does not depend on how busy the host"
            + " is (the wall time does: on a host whose load average is far above its 2 cores,"
            + " each start waits for a core most of the time); a start is mostly one thread"
            + " (class loading, Hibernate and Flyway, Kafka clients), so on an idle host the wall"
            + " time would be close to that CPU time.\n");
    if (!alone.isEmpty()) {
      s.append(
          String.format(
              "%nSlowest service %.2f s (target ≤ 2.5 s: %s), largest RSS %d MB (target ≤ 250 MB: %s).%n",
              worstStart,
              worstStart <= 2.5 ? "**met**" : "**missed**",
              worstRss,
              worstRss <= 250 ? "**met**" : "**missed**"));
    }
    s.append(
        String.format(
            """

            **The whole stack**: the launcher's `Suite.start()` (what `./stackctl up` runs once the \
            jars are built) from nothing to every readiness check UP: a fresh data directory each \
            time, so it includes `initdb` of PostgreSQL, the Kafka broker's start and its topics, \
            the four services starting at once and their Flyway migrations on empty databases \
            (readiness asked every 500 ms). Median **%.1f s** of %d starts (%s s); target ≤ 45 s: \
            %s.
            """,
            stack,
            stackStarts.size(),
            Samples.rounds(stackStarts, "%.1f"),
            stack <= 45 ? "**met**" : "**missed**"));
    s.append("\nRSS of the stack's own processes (MB):\n\n| service | idle after start |");
    if (!stackAfterLoad.isEmpty()) {
      s.append(" after the other scenarios of the run |");
    }
    s.append(stackAfterLoad.isEmpty() ? "\n|---|---|\n" : "\n|---|---|---|\n");
    for (ServiceCatalog.Service service : stackIdle.keySet()) {
      s.append("| ")
          .append(service.name())
          .append(" | ")
          .append(stackIdle.get(service))
          .append(" |");
      if (!stackAfterLoad.isEmpty()) {
        s.append(" ").append(stackAfterLoad.get(service)).append(" |");
      }
      s.append("\n");
    }
    s.append("\n").append(command).append("\n");
    return s.toString();
  }
}
