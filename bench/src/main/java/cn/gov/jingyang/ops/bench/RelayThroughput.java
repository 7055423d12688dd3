package cn.gov.jingyang.ops.bench;

import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.outbox.OutboxPublisher;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;

/** Rows per second the relay publishes from a full outbox, for a given batch size. */
final class RelayThroughput {

  private final BenchOutbox outbox;
  private final String bootstrap;

  RelayThroughput(BenchOutbox outbox, String bootstrap) {
    this.outbox = outbox;
    this.bootstrap = bootstrap;
  }

  double rowsPerSecond(int batchSize, int rows, int aggregates) throws Exception {
    outbox.truncate();
    outbox.append(rows, null, aggregates);
    try (KafkaProducer<String, String> producer =
        KafkaClients.producer(bootstrap, "bench-throughput")) {
      OutboxPublisher publisher =
          new OutboxPublisher(
              outbox.dataSource(),
              producer,
              new OutboxPublisher.Settings(
                  batchSize, 8, Duration.ofMillis(200), Duration.ofSeconds(30)),
              d -> {});
      long start = System.nanoTime();
      int published = 0;
      while (published < rows) {
        published += publisher.publishPass().published();
      }
      return rows / ((System.nanoTime() - start) / 1e9);
    }
  }
}
