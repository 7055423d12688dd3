package cn.gov.jingyang.ops.testing.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends the requests and judges the answers. Writes go one at a time with the row counts taken
 * around each; reads, which change nothing, go meanwhile on a few threads of their own.
 */
public final class HostileRun {

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(HostileRun.class);
  private final RawHttp http;
  private final RowCounts counts;
  private final Set<String> background;
  private final Findings findings;
  private final Set<String> oauthOperations;

  public HostileRun(RawHttp http, RowCounts counts, Set<String> background, Findings findings) {
    this(http, counts, background, findings, Set.of());
  }

  /**
   * @param oauthOperations operations whose errors may be OAuth's format ({@link Verdict#judge(
   *     HostileRequest, Exchange, Set)})
   */
  public HostileRun(
      RawHttp http,
      RowCounts counts,
      Set<String> background,
      Findings findings,
      Set<String> oauthOperations) {
    this.http = http;
    this.counts = counts;
    this.background = background;
    this.findings = findings;
    this.oauthOperations = oauthOperations;
  }

  public void run(List<HostileRequest> requests, int readers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    try {
      List<Future<?>> reads = new ArrayList<>();
      for (HostileRequest request : requests) {
        if (!request.writes()) {
          reads.add(pool.submit(() -> read(request)));
        }
      }
      long started = System.nanoTime();
      Map<String, Long> last = null;
      int writes = 0;
      for (HostileRequest request : requests) {
        if (request.writes()) {
          last = write(request, last != null ? last : counts.snapshot());
          writes++;
        }
      }
      long written = System.nanoTime();
      for (Future<?> read : reads) {
        read.get();
      }
      LOG.infof(
          "hostile requests: %d writes in %d ms (one at a time), %d reads done %d ms after them (%d threads)",
          writes,
          (written - started) / 1_000_000,
          reads.size(),
          (System.nanoTime() - written) / 1_000_000,
          readers);
    } finally {
      pool.shutdownNow();
    }
  }

  private void read(HostileRequest request) {
    Exchange answer = http.send(request);
    findings.record(request, answer, Verdict.judge(request, answer, oauthOperations));
  }

  /**
   * Sends a write and judges it; returns the counts after it if they may serve as the next
   * "before".
   */
  private Map<String, Long> write(HostileRequest request, Map<String, Long> before) {
    Exchange answer = http.send(request);
    List<String> failures = new ArrayList<>(Verdict.judge(request, answer, oauthOperations));
    Map<String, Long> after = counts.snapshot();
    Map<String, Long> next = after;
    if (answer.status() >= 400 || answer.status() < 0) {
      List<String> changed = changedBy(request, before, after);
      if (!changed.isEmpty()) {
        failures.add("rejected write changed row counts of " + String.join(", ", changed));
        next = null;
      }
    }
    findings.record(request, answer, failures);
    return next;
  }

  /**
   * The tables a rejected write changed. A window in which background work also wrote is not
   * evidence: the request is sent again (twice at most) and only a change seen without background
   * work, or on every try, counts.
   */
  private List<String> changedBy(
      HostileRequest request, Map<String, Long> before, Map<String, Long> after) {
    for (int attempt = 0; ; attempt++) {
      List<String> changed = RowCounts.changed(before, after, background);
      boolean busy = RowCounts.changed(before, after, Set.of()).size() != changed.size();
      if (changed.isEmpty() || !busy || attempt == 2) {
        return changed.stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
      }
      before = counts.snapshot();
      Exchange again = http.send(request);
      after = counts.snapshot();
      if (again.status() > 0 && again.status() < 400) {
        return List.of();
      }
    }
  }
}
