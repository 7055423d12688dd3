package cn.gov.jingyang.ops.platform.inbox;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
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
import org.apache.kafka.clients.producer.KafkaProducer;

/** Starts a {@link ConsumerRunner} thread for every {@link EventHandler} bean of the service. */
@ApplicationScoped
public class EventConsumers {

  private final Instance<EventHandler> handlers;
  private final KafkaClients kafka;
  private final EventCodec codec;
  private final ProcessedEvents processed;
  private final PlatformConfig config;
  private final Map<String, ConsumerRunner> runners = new LinkedHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private KafkaProducer<String, String> deadLetterProducer;

  public EventConsumers(
      Instance<EventHandler> handlers,
      KafkaClients kafka,
      EventCodec codec,
      ProcessedEvents processed,
      PlatformConfig config) {
    this.handlers = handlers;
    this.kafka = kafka;
    this.codec = codec;
    this.processed = processed;
    this.config = config;
  }

  void start(@Observes StartupEvent ignored) {
    if (!config.consumer().enabled() || handlers.isUnsatisfied()) {
      return;
    }
    deadLetterProducer = kafka.producer(config.serviceName() + "-dead-letters");
    DeadLetters deadLetters = new DeadLetters(deadLetterProducer);
    for (EventHandler handler : handlers) {
      String group =
          config.serviceName() + "." + handler.consumerName() + config.consumer().groupSuffix().orElse("");
      ConsumerRunner runner =
          new ConsumerRunner(handler, group, kafka, deadLetters, codec, processed, config.consumer());
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

  /** The runner of a handler, by its consumer name. */
  public ConsumerRunner runner(String consumerName) {
    ConsumerRunner runner = runners.get(consumerName);
    if (runner == null) {
      throw new IllegalArgumentException("no consumer named " + consumerName);
    }
    return runner;
  }
}
