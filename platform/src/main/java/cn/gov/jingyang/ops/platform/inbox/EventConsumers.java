package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Starts a {@link ConsumerRunner} thread for every {@link EventHandler} bean of the service, with
 * its meters: {@code ops.consumer.stuck} (partitions held back by a transient fault), {@code
 * ops.consumer.transient.retries} and {@code ops.consumer.dead.lettered}, tagged {@code consumer}.
 */
@ApplicationScoped
public class EventConsumers {

  private final Instance<EventHandler> handlers;
  private final KafkaClients kafka;
  private final EventCodec codec;
  private final ProcessedEvents processed;
  private final PlatformConfig config;
  private final MeterRegistry meters;
  private final Map<String, ConsumerRunner> runners = new LinkedHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private KafkaProducer<String, String> deadLetterProducer;

  public EventConsumers(
      Instance<EventHandler> handlers,
      KafkaClients kafka,
      EventCodec codec,
      ProcessedEvents processed,
      PlatformConfig config,
      MeterRegistry meters) {
    this.handlers = handlers;
    this.kafka = kafka;
    this.codec = codec;
    this.processed = processed;
    this.config = config;
    this.meters = meters;
  }

  void start(@Observes StartupEvent ignored) {
    if (!config.consumer().enabled() || handlers.isUnsatisfied()) {
      return;
    }
    deadLetterProducer = kafka.producer(config.serviceName() + "-dead-letters");
    DeadLetters deadLetters = new DeadLetters(deadLetterProducer);
    EventApplication application = new EventApplication(processed, config.consumer().logApplied());
    for (EventHandler handler : handlers) {
      String group =
          config.serviceName()
              + "."
              + handler.consumerName()
              + config.consumer().groupSuffix().orElse("");
      String name = handler.consumerName();
      ConsumerRunner.Meters counters =
          new ConsumerRunner.Meters(
              Counter.builder("ops.consumer.transient.retries")
                  .description("retries of records held back by a transient fault")
                  .tag("consumer", name)
                  .register(meters),
              Counter.builder("ops.consumer.dead.lettered")
                  .description("records sent to the dead-letter topic")
                  .tag("consumer", name)
                  .register(meters));
      ConsumerRunner runner =
          new ConsumerRunner(
              handler, group, kafka, deadLetters, codec, application, config.consumer(), counters);
      Gauge.builder(
              "ops.consumer.stuck",
              runner,
              r -> r.status().map(ConsumerRunner.Status::stuckPartitions).orElse(0))
          .description("partitions held back by a transient fault (0 = flowing)")
          .tag("consumer", name)
          .register(meters);
      runners.put(handler.consumerName(), runner);
      Thread thread = new Thread(runner, "consumer-" + handler.consumerName());
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  void stop(@Observes ShutdownEvent ignored) {
    runners.values().forEach(ConsumerRunner::stop);
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (deadLetterProducer != null) {
      deadLetterProducer.close(Duration.ofSeconds(5));
    }
  }

  /** Every running consumer that is stuck on a transient fault. */
  public List<ConsumerRunner.Status> stuck() {
    return runners.values().stream().flatMap(r -> r.status().stream()).toList();
  }

  /** The handler of a consumer of this service, running or not. */
  public Optional<EventHandler> handler(String consumerName) {
    return handlers.stream().filter(h -> h.consumerName().equals(consumerName)).findFirst();
  }

  /** Names of this service's consumers. */
  public List<String> consumerNames() {
    return handlers.stream().map(EventHandler::consumerName).sorted().toList();
  }

  /**
   * Restarts a running consumer of this service: a handler that {@link EventHandler#readsFromStart
   * reads from the start} reads its topics again from their beginning (a replica rebuild).
   */
  public void restart(String consumerName) {
    runner(consumerName).restart();
  }

  /** The runner of a handler, by its consumer name. */
  public ConsumerRunner runner(String consumerName) {
    ConsumerRunner runner = runners.get(consumerName);
    if (runner == null) {
      throw new IllegalArgumentException("no consumer named " + consumerName);
    }
    return runner;
  }
}
