package cn.gov.jingyang.ops.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** The R1 section of docs/RELIABILITY.md, as the fault run writes it. */
final class FaultReport {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private FaultReport() {}

  static String section(
      Instant began,
      Duration duration,
      long pause,
      FaultLoad load,
      Faults faults,
      FaultClient api,
      Reconciliation checks,
      long drainSeconds) {
    StringBuilder s = new StringBuilder();
    s.append("## R1 — fault run: broker, service and database killed under load\n\n");
    s.append(
        "Command (not part of the test run; packages the four services, then starts the suite):\n\n");
    s.append(
        "    ./mvnw -B -q package -pl gateway,checkpoint-service,case-service,personnel-service,bench -am -DskipTests -Dbench-fault\n\n");
    s.append(
        "`bench/…/FaultRun` starts the suite from the packaged jars (stack launcher `Suite`:\n"
            + "PostgreSQL 17 and Kafka 4.1 as separate processes, the four services as child\n"
            + "processes), loads the demo's story as the setup, then drives a mixed load through the\n"
            + "gateway only (token from `POST /oauth/token`, a client registered with every role) for\n"
            + "`-Dfault.duration` (default `PT10M`; `-Dfault.pause-ms` between a thread's writes,\n"
            + "default 200). Every write carries an `Idempotency-Key` (inspections also their\n"
            + "`clientRecordId`, the import its `batchId`) and is sent again with the same key until\n"
            + "the suite answers; only 2xx answers count as acknowledged. Afterwards it waits for\n"
            + "the outboxes to drain and reconciles from the four databases (JDBC) and the topics\n"
            + "(a consumer from the beginning). The run exits non-zero on any mismatch.\n\n");
    s.append("Last run: started ")
        .append(TIME.format(began))
        .append(", load ")
        .append(duration.toMinutes())
        .append(" min ")
        .append(duration.toSecondsPart())
        .append(" s, ")
        .append(api.requests())
        .append(" requests through the gateway.\n\n");

    s.append("**Load acknowledged** (2xx):\n\n| write | acknowledged |\n|---|---|\n");
    row(
        s,
        "inspection records (batches of 10, 1–3 occupants, 5 % flagged)",
        load.inspections.size());
    row(s, "flagged occupants in them", load.flaggedSent.get());
    row(s, "verification tasks completed (every 4th CONCEALED_EXPOSURE)", load.completions.size());
    row(s, "case transitions (REPORTED→ACCEPTED→UNDER_INVESTIGATION)", load.cases.size());
    row(s, "shifts scheduled (then started and ended)", load.shifts.size());
    row(s, "duty-status changes", load.duty.size());
    row(s, "provincial import (" + load.importRows + " rows)", load.importAcknowledged ? 1 : 0);
    s.append("\nRefused (answered 4xx, not retried): ")
        .append(figures(load.refused))
        .append(". Retries of the client until an answer, by reason: ")
        .append(figures(api.retries()))
        .append(".\n\n");

    s.append(
        "**Faults** (no manual step; \"ready again\" is every service's `/q/health/ready`):\n\n");
    s.append(
        "| at (UTC) | into the load | fault | took | all ready again after |\n|---|---|---|---|---|\n");
    for (Faults.Fault f : faults.done()) {
      s.append("| ")
          .append(TIME.format(f.at()))
          .append(" | +")
          .append(f.offsetSeconds())
          .append(" s | ")
          .append(f.what())
          .append(" | ")
          .append(f.downSeconds())
          .append(" s | ")
          .append(f.recoveredSeconds() < 0 ? "**not within 5 min**" : f.recoveredSeconds() + " s")
          .append(" |\n");
    }
    s.append("\nOutboxes drained ")
        .append(drainSeconds < 0 ? "**not within 5 min**" : drainSeconds + " s")
        .append(" after the load ended (then 15 s for the consumers' last records).\n\n");

    s.append("**Reconciliation:**\n\n| check | checked | mismatches | note |\n|---|---|---|---|\n");
    for (Reconciliation.Check c : checks.checks()) {
      s.append("| ")
          .append(c.name())
          .append(" | ")
          .append(c.checked())
          .append(" | ")
          .append(c.mismatches())
          .append(" | ")
          .append(c.note().replace("|", "/"))
          .append(" |\n");
    }
    s.append("\n**Mismatches in all: ").append(checks.mismatches()).append(".**\n\n");
    s.append(
        "Duty streaks themselves are not recounted: a streak depends on the day it is computed\n"
            + "for and on rest days, which the schema alone does not let a query redo honestly; the\n"
            + "run checks the ledger they are computed from (one duty interval per member of each\n"
            + "ended shift). Daily statistics are recounted except `vehicles`.\n");
    return s.toString();
  }

  private static void row(StringBuilder s, String what, long n) {
    s.append("| ").append(what).append(" | ").append(n).append(" |\n");
  }

  private static String figures(Map<String, AtomicLong> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((k, v) -> sorted.put(k, v.get()));
    return sorted.toString();
  }
}
