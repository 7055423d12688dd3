package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.infra.ServiceCatalog;
import cn.gov.jingyang.ops.stack.Suite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The faults of the run, at fixed fractions of its length: the Kafka broker SIGKILLed and started
 * again (twice), checkpoint-service SIGKILLed and started again, PostgreSQL stopped and started.
 * Nothing else is done for the services: after each fault it only watches how long until every
 * service answers ready again by itself.
 */
final class Faults {

  record Fault(
      String what, Instant at, long offsetSeconds, long downSeconds, long recoveredSeconds) {}

  private final Suite suite;
  private final List<Fault> done = new CopyOnWriteArrayList<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private long start;

  Faults(Suite suite) {
    this.suite = suite;
  }

  List<Fault> done() {
    return done;
  }

  List<String> problems() {
    return problems;
  }

  /** Runs the schedule over {@code length} in a thread of its own. */
  Thread start(Duration length) {
    start = System.nanoTime();
    long ms = length.toMillis();
    Thread thread =
        new Thread(
            () -> {
              try {
                at(ms / 10);
                fault("Kafka broker SIGKILL, started again after 20 s", this::bounceKafka);
                at(ms * 3 / 10);
                fault("checkpoint-service SIGKILL, started again after 10 s", this::killService);
                at(ms * 5 / 10);
                fault(
                    "PostgreSQL stopped (fast shutdown) and started again", suite::restartPostgres);
                at(ms * 7 / 10);
                fault("Kafka broker SIGKILL, started again after 20 s", this::bounceKafka);
              } catch (Exception e) {
                problems.add("fault schedule: " + e);
              }
            },
            "fault-schedule");
    thread.start();
    return thread;
  }

  interface Action {
    void run() throws Exception;
  }

  private void fault(String what, Action action) throws Exception {
    Instant at = Instant.now();
    long offset = (System.nanoTime() - start) / 1_000_000_000L;
    FaultRun.say("fault at +%d s: %s", offset, what);
    long t0 = System.nanoTime();
    try {
      action.run();
    } catch (Exception e) {
      problems.add(what + ": " + e + (e.getCause() == null ? "" : ", cause " + e.getCause()));
      FaultRun.say("  failed: %s (cause %s)", e, e.getCause());
    }
    long down = (System.nanoTime() - t0) / 1_000_000_000L;
    long recovered = awaitAllReady(Duration.ofMinutes(5));
    FaultRun.say("  done in %d s; all services ready %d s later", down, recovered);
    done.add(new Fault(what, at, offset, down, recovered));
  }

  private void bounceKafka() throws Exception {
    suite.killKafka();
    Thread.sleep(20_000);
    suite.startKafka();
  }

  private void killService() throws Exception {
    suite.kill(ServiceCatalog.CHECKPOINT);
    Thread.sleep(10_000);
    suite.restart(ServiceCatalog.CHECKPOINT);
  }

  /** Seconds until every service answers ready; -1 (and a problem) if not within {@code limit}. */
  private long awaitAllReady(Duration limit) throws InterruptedException {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < limit.toNanos()) {
      if (ServiceCatalog.ALL.stream().allMatch(s -> ready(suite.port(s)))) {
        return (System.nanoTime() - t0) / 1_000_000_000L;
      }
      Thread.sleep(1000);
    }
    problems.add("a service was not ready again " + limit.toSeconds() + " s after a fault");
    return -1;
  }

  private boolean ready(int port) {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private void at(long millis) throws InterruptedException {
    long wait = millis - (System.nanoTime() - start) / 1_000_000L;
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }
}
