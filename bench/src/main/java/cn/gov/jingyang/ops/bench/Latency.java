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
record Latency(double p50, double p99, int samples) {

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
                  if (r.statusCode() != 201) {
                    throw new IllegalStateException(r.statusCode() + ": " + r.body());
                  }
                  return (System.nanoTime() - due) / 1e6;
                }));
      }
      List<Double> millis = new ArrayList<>(total);
      for (Future<Double> f : sent) {
        millis.add(f.get());
      }
      Collections.sort(millis);
      return new Latency(
          millis.get((int) Math.floor(0.50 * (total - 1))),
          millis.get((int) Math.floor(0.99 * (total - 1))),
          total);
    } finally {
      senders.shutdownNow();
    }
  }
}
