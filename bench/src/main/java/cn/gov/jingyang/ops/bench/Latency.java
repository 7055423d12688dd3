package cn.gov.jingyang.ops.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Single-record {@code POST /inspections} at a fixed rate (open loop: a request is started on
 * schedule whether or not the previous one has answered), each timed from its scheduled start to
 * its 201, so a stall shows in the tail instead of slowing the load.
 */
record Latency(double p50, double p99, int samples, int failed) {

  static Latency atFixedRate(
      IngestBenchmark.BatchUpload client, InspectionLoad load, UUID checkpoint, int rate, int secs)
      throws Exception {
    int total = rate * secs;
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    ExecutorService senders = Executors.newCachedThreadPool();
    List<Future<Double>> sent = new ArrayList<>(total);
    long start = System.nanoTime();
    try {
      for (int n = 0; n < total; n++) {
        long due = start + n * periodNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        String body = load.record(checkpoint, LocalDate.of(2020, 2, 10)).json();
        sent.add(
            senders.submit(
                () -> {
                  var r = client.post("/inspections", body);
                  // a failed request (e.g. 500 when the connection pool times out) is counted
                  return r.statusCode() == 201 ? (System.nanoTime() - due) / 1e6 : -1.0;
                }));
      }
      List<Double> millis = new ArrayList<>(total);
      int failed = 0;
      for (Future<Double> f : sent) {
        double ms = f.get();
        if (ms < 0) {
          failed++;
        } else {
          millis.add(ms);
        }
      }
      Collections.sort(millis);
      int ok = millis.size();
      return ok == 0
          ? new Latency(Double.NaN, Double.NaN, 0, failed)
          : new Latency(
              millis.get((int) Math.floor(0.50 * (ok - 1))),
              millis.get((int) Math.floor(0.99 * (ok - 1))),
              ok,
              failed);
    } finally {
      senders.shutdownNow();
    }
  }
}
