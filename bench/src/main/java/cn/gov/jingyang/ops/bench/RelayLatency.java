package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.outbox.OutboxPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Commit-to-consume latency of the outbox relay: one event committed at a time, with the commit
 * waking the relay or with a relay that only polls each second, timed until a consumer has it.
 */
final class RelayLatency {

  private final BenchOutbox outbox;
  private final String bootstrap;

  RelayLatency(BenchOutbox outbox, String bootstrap) {
    this.outbox = outbox;
    this.bootstrap = bootstrap;
  }

  /** Microseconds from each commit to the event's arrival at a consumer. */
  List<Long> microseconds(boolean wakeOnCommit, int events) throws Exception {
    outbox.truncate();
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    java.util.concurrent.BlockingQueue<String> arrivals =
        new java.util.concurrent.LinkedBlockingQueue<>();
    Semaphore signal = new Semaphore(0);
    var running = new java.util.concurrent.atomic.AtomicBoolean(true);
    try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap, "bench-relay");
        KafkaConsumer<String, String> consumer = consumer()) {
      OutboxPublisher publisher =
          new OutboxPublisher(
              outbox.dataSource(),
              producer,
              new OutboxPublisher.Settings(200, 8, Duration.ofMillis(200), Duration.ofSeconds(30)),
              d -> {});
      Thread relay =
          new Thread(
              () -> {
                while (running.get()) {
                  try {
                    signal.tryAcquire(
                        1000, TimeUnit.MILLISECONDS); // a commit wakes it, or the 1 s poll
                    signal.drainPermits();
                    publisher.publishPass();
                  } catch (Exception e) {
                    if (running.get()) {
                      e.printStackTrace();
                    }
                  }
                }
              });
      relay.start();
      Thread reader =
          new Thread(
              () -> {
                while (running.get()) {
                  consumer
                      .poll(Duration.ofMillis(50))
                      .forEach(
                          r -> {
                            String id =
                                new String(
                                    r.headers().lastHeader("ce_id").value(),
                                    StandardCharsets.UTF_8);
                            arrived.put(id, System.nanoTime());
                            arrivals.add(id);
                          });
                }
              });
      consumer.poll(Duration.ofSeconds(2)); // join the group before measuring
      reader.start();
      List<Long> latencies = new ArrayList<>();
      java.util.Random random = new java.util.Random(42);
      for (int i = 0; i < events; i++) {
        if (!wakeOnCommit) {
          Thread.sleep(random.nextInt(1000)); // commit at a random point of the poll cycle
        }
        String id = outbox.append(1, "latency-" + (i % 10)).get(0);
        long committed = System.nanoTime();
        if (wakeOnCommit) {
          signal.release();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!arrived.containsKey(id) && System.nanoTime() < deadline) {
          arrivals.poll(100, TimeUnit.MILLISECONDS); // blocks, so the waiting costs no CPU
        }
        Long at = arrived.get(id);
        if (at == null) {
          throw new IllegalStateException("event " + id + " did not arrive in 10 s");
        }
        latencies.add((at - committed) / 1_000);
      }
      running.set(false);
      relay.join();
      reader.join();
      return latencies;
    }
  }

  private KafkaConsumer<String, String> consumer() {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest"),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(BenchOutbox.TOPIC));
    return consumer;
  }
}
