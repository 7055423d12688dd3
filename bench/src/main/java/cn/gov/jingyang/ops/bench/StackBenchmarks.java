package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * P4, P2, P3 and P6 against the whole suite started from its packaged jars as {@code ./stackctl up}
 * starts it, one scenario after the other (never two at once), each bounded and stopping by itself;
 * each writes its own section of docs/BENCHMARKS.md. {@code -Dbench.scenarios=P2,P6} picks some;
 * {@code -Dbench.rounds=} (default 3) sets the rounds behind every median.
 */
public final class StackBenchmarks {

  static final Path REPORT = Path.of("docs/BENCHMARKS.md");
  static final String BUILD =
      "./mvnw -B -q package -pl checkpoint-service,case-service,personnel-service,gateway -am"
          + " -DskipTests";

  public static void main(String[] args) throws Exception {
    Set<String> scenarios =
        Arrays.stream(System.getProperty("bench.scenarios", "P4,P2,P3,P6").split(","))
            .map(String::trim)
            .map(String::toUpperCase)
            .collect(Collectors.toSet());
    int rounds = Integer.getInteger("bench.rounds", 3);
    Path repository = Path.of("").toAbsolutePath();
    Path work = repository.resolve("bench/target/stack");

    List<Double> stackStarts = new ArrayList<>();
    BenchStack stack = null;
    int starts = scenarios.contains("P4") ? Integer.getInteger("bench.stack-starts", rounds) : 1;
    for (int i = 1; i <= starts; i++) {
      long started = System.nanoTime();
      BenchStack s = BenchStack.start(repository, work.resolve("data"));
      stackStarts.add((System.nanoTime() - started) / 1e9);
      ImportBenchmark.say("stack start %d: %.1f s", i, stackStarts.get(i - 1));
      if (i < starts) {
        s.close();
      } else {
        stack = s;
      }
    }
    try {
      Map<ServiceCatalog.Service, List<Startup.Run>> alone = new LinkedHashMap<>();
      Map<ServiceCatalog.Service, List<Startup.Run>> altAlone = new LinkedHashMap<>();
      Map<ServiceCatalog.Service, Long> stackIdle = new LinkedHashMap<>();
      for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
        stackIdle.put(s, stack.rssMb(s));
      }
      if (scenarios.contains("P4")) {
        write(
            StartupReport.section(
                stackStarts, alone, altAlone, stackIdle, Map.of(), command("P4")));
      }
      if (scenarios.contains("P2")) {
        try {
          int seconds = Integer.getInteger("bench.p2-seconds", 8);
          var f = new GatewayOverhead(stack, work).run(rounds, seconds);
          write(GatewayOverhead.section(f, rounds, seconds, command("P2")));
        } catch (Exception e) {
          failed("P2", e);
        }
      }
      if (scenarios.contains("P3")) {
        try {
          int seconds = Integer.getInteger("bench.p3-seconds", 20);
          var f = new FlagLatency(stack).run(rounds, seconds, 50);
          write(FlagLatency.section(f, rounds, seconds, 50, command("P3")));
        } catch (Exception e) {
          failed("P3", e);
        }
      }
      if (scenarios.contains("P6")) {
        try {
          int requests = Integer.getInteger("bench.p6-requests", 100);
          var f = new SituationBenchmark(stack).run(rounds, requests);
          write(SituationBenchmark.section(f, rounds, requests, command("P6")));
        } catch (Exception e) {
          failed("P6", e);
        }
      }
      if (scenarios.contains("P4")) {
        // the stack's processes after the load of the scenarios above, then each service alone
        Map<ServiceCatalog.Service, Long> afterLoad = new LinkedHashMap<>();
        for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
          afterLoad.put(s, stack.rssMb(s));
        }
        write(
            StartupReport.section(
                stackStarts, alone, altAlone, stackIdle, afterLoad, command("P4")));
        Startup startup = new Startup(stack, work.resolve("alone"));
        int aloneRounds = Integer.getInteger("bench.alone-rounds", rounds);
        for (ServiceCatalog.Service s : ServiceCatalog.ALL) {
          List<Startup.Run> alt = new ArrayList<>();
          alone.put(
              s,
              startup.alone(
                  s,
                  aloneRounds,
                  Startup.ALT_JVM_OPTIONS,
                  Integer.getInteger("bench.alone-alt-rounds", 1),
                  alt));
          altAlone.put(s, alt);
          write(
              StartupReport.section(
                  stackStarts, alone, altAlone, stackIdle, afterLoad, command("P4")));
        }
      }
    } finally {
      stack.close();
    }
    System.exit(0);
  }

  /** One scenario failing leaves the others' figures; the failure is printed, not written. */
  private static void failed(String scenario, Exception e) {
    ImportBenchmark.say("%s FAILED: %s", scenario, e);
    e.printStackTrace(System.out);
  }

  private static void write(String section) throws Exception {
    String heading = section.substring(0, section.indexOf(':'));
    String withMachine = section.stripTrailing() + "\nMachine: " + Machine.describe() + ".\n";
    Report.replaceSection(REPORT, heading, withMachine);
    System.out.println(withMachine);
  }

  static String command(String scenario) {
    return "Reproduce: `"
        + BUILD
        + " && ./mvnw -B -q -pl bench -am package -DskipTests -Dbench-stack"
        + " -Dbench.scenarios="
        + scenario
        + "` (all four: without `-Dbench.scenarios`; `-Dbench.rounds=` rounds, default 3).";
  }

  private StackBenchmarks() {}
}
