package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

/**
 * Runs {@link OutboxPublisher} passes on a thread of its own. It wakes as soon as a local
 * transaction that appended an event commits ({@link #wake()}), and otherwise every {@code
 * ops.outbox.poll-interval} to pick up other instances' rows and due retries. While the broker is
 * unavailable it backs off exponentially instead of spinning.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private final DataSource dataSource;
  private final KafkaClients kafka;
  private final PlatformConfig config;
  private final CommitSignal committed;
  private final Semaphore signal = new Semaphore(0);
  private final Timer latency;
  private final Counter published;
  private volatile boolean running;
  private Thread thread;
  private KafkaProducer<String, String> producer;
  private OutboxPublisher publisher;

  public OutboxRelay(
      DataSource dataSource,
      KafkaClients kafka,
      PlatformConfig config,
      MeterRegistry registry,
      CommitSignal committed) {
    this.dataSource = dataSource;
    this.kafka = kafka;
    this.config = config;
    this.committed = committed;
    this.latency =
        Timer.builder("outbox.publish.latency")
            .description("from the event's commit to the broker's acknowledgement")
            .publishPercentiles(0.5, 0.95, 0.99)
            .register(registry);
    this.published = Counter.builder("outbox.published").register(registry);
    for (OutboxEntries.Status status :
        List.of(OutboxEntries.Status.PENDING, OutboxEntries.Status.BLOCKED)) {
      Gauge.builder("outbox.rows", () -> count(status))
          .tag("status", status.name())
          .description("outbox rows waiting (PENDING) or needing an operator (BLOCKED)")
          .register(registry);
    }
  }

  private double count(OutboxEntries.Status status) {
    try (Connection c = dataSource.getConnection()) {
      return OutboxEntries.queued(c, status == OutboxEntries.Status.BLOCKED);
    } catch (SQLException e) {
      return Double.NaN;
    }
  }

  void start(@Observes StartupEvent ignored) {
    if (!config.outbox().relayEnabled()) {
      LOG.info("outbox relay disabled in this instance");
      return;
    }
    producer = kafka.producer(config.serviceName() + "-outbox-relay");
    var o = config.outbox();
    publisher =
        new OutboxPublisher(
            dataSource,
            producer,
            new OutboxPublisher.Settings(
                o.batchSize(), o.maxAttempts(), o.initialBackoff(), o.maxBackoff(), o.claimLease()),
            latency::record);
    running = true;
    thread = new Thread(this::run, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent ignored) {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Called after a commit that appended events: the relay publishes them now, and the feed's
   * waiting readers ({@link CommitSignal}) read them.
   */
  public void wake() {
    committed.fire();
    if (signal.availablePermits() == 0) {
      signal.release();
    }
  }

  private void run() {
    Duration idle = config.outbox().pollInterval();
    Duration backoff = config.outbox().initialBackoff();
    while (running) {
      try {
        signal.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
        signal.drainPermits();
        OutboxPublisher.Pass pass;
        do {
          pass = publisher.publishPass();
          published.increment(pass.published());
        } while (running && pass.published() > 0 && !pass.brokerUnavailable());
        if (pass.brokerUnavailable()) {
          LOG.warnf(
              "Kafka unavailable, %d events wait in the outbox; retrying in %s",
              pass.failed(), backoff);
          pause(backoff);
          backoff = min(backoff.multipliedBy(2), config.outbox().maxBackoff());
        } else {
          backoff = config.outbox().initialBackoff();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (!running) {
          return;
        }
        LOG.errorf(e, "outbox relay pass failed; retrying in %s", backoff);
        try {
          pause(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = min(backoff.multipliedBy(2), config.outbox().maxBackoff());
      }
    }
  }

  private static void pause(Duration d) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(d.toMillis());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
