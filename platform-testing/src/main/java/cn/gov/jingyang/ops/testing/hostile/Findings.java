package cn.gov.jingyang.ops.testing.hostile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run found: requests by status class, and failures grouped by kind with one example each.
 */
public final class Findings {

  private final String service;
  private final long seed;
  private final Map<String, Integer> byClass = new TreeMap<>();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, Integer> byLocation = new TreeMap<>();
  private int sent;
  private int failed;
  private int errors;
  private int problems;
  private int refusedWrites;

  private static final class Group {
    final String kind;
    final String location;
    final TreeMap<String, String> variants = new TreeMap<>();
    final TreeSet<String> operations = new TreeSet<>();
    int count;
    String example;

    Group(String kind, String location) {
      this.kind = kind;
      this.location = location;
    }
  }

  public Findings(String service, long seed) {
    this.service = service;
    this.seed = seed;
  }

  /** Counts an answer and, if it failed, adds it to the group of its kind and what was mutated. */
  public synchronized void record(HostileRequest request, Exchange answer, List<String> failures) {
    sent++;
    if (request.malformedHttp()) {
      byClass.merge("not HTTP", 1, Integer::sum);
    }
    byClass.merge(
        answer.status() < 0 ? "no answer" : (answer.status() / 100) + "xx", 1, Integer::sum);
    int colon = request.category().indexOf(':');
    String location = colon < 0 ? request.category() : request.category().substring(0, colon);
    byLocation.merge(location, 1, Integer::sum);
    if (answer.status() >= 400) {
      errors++;
      if (answer.contentType().toLowerCase().startsWith("application/problem+json")) {
        problems++;
      }
      if (request.writes()) {
        refusedWrites++;
      }
    }
    if (failures.isEmpty()) {
      return;
    }
    failed++;
    String kind = String.join("; ", failures);
    Group g = groups.computeIfAbsent(kind + " \u2190 " + location, k -> new Group(kind, location));
    g.count++;
    g.operations.add(request.operation());
    g.variants.putIfAbsent(
        colon < 0 ? "" : request.category().substring(colon + 1).trim(), request.line());
    if (g.example == null) {
      g.example = "    e.g. " + request.describe() + "\n    \u2192 " + answer.describe();
    }
  }

  public synchronized int sentCount() {
    return sent;
  }

  public synchronized int failedCount() {
    return failed;
  }

  /** Answers by status class ("2xx", "4xx", "no answer", …). */
  public synchronized Map<String, Integer> byStatusClass() {
    return Map.copyOf(byClass);
  }

  /** Answers with a status of 400 or more. */
  public synchronized int errorCount() {
    return errors;
  }

  /** Answers with a status of 400 or more whose type is application/problem+json. */
  public synchronized int problemJsonCount() {
    return problems;
  }

  /** Writes answered 400 or more: each had the row counts of the databases compared around it. */
  public synchronized int refusedWriteCount() {
    return refusedWrites;
  }

  /** The line the closing note quotes. */
  public synchronized String summary() {
    return "hostile requests: "
        + service
        + " "
        + sent
        + " sent, "
        + failed
        + " failures "
        + byClass
        + " (seed "
        + seed
        + "; rerun with -Dhostile.seed="
        + seed
        + ")";
  }

  /** Every group, the largest first: kind, what was mutated, how often, where, and one example. */
  public synchronized String report() {
    StringBuilder out =
        new StringBuilder(summary())
            .append("\nsent, by what was mutated: ")
            .append(byLocation)
            .append('\n');
    List<Group> sorted = new ArrayList<>(groups.values());
    sorted.sort(Comparator.comparing((Group g) -> -g.count).thenComparing(g -> g.kind));
    for (Group g : sorted) {
      out.append("\n[")
          .append(g.count)
          .append("\u00d7] ")
          .append(g.kind)
          .append("  \u2190  ")
          .append(g.location)
          .append(
              g.variants.size() == 1 && !g.variants.firstKey().isEmpty()
                  ? ": " + g.variants.firstKey()
                  : "")
          .append("\n    operations: ")
          .append(HostileRequest.abbreviate(String.join(", ", g.operations), 400))
          .append('\n')
          .append(g.example)
          .append('\n');
      if (g.variants.size() > 1) {
        g.variants.forEach(
            (variant, line) ->
                out.append("    \u00b7 ").append(variant).append(": ").append(line).append('\n'));
      }
    }
    return out.toString();
  }
}
