package cn.gov.jingyang.ops.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Sends a record that cannot be processed to {@code <topic>.dlt}, the error in its headers. */
final class DeadLetters {

  static final String ERROR = "dlt-error";
  static final String ERROR_CLASS = "dlt-error-class";
  static final String CONSUMER = "dlt-consumer";
  static final String ORIGINAL_TOPIC = "dlt-original-topic";
  static final String ORIGINAL_PARTITION = "dlt-original-partition";
  static final String ORIGINAL_OFFSET = "dlt-original-offset";
  static final String FAILED_AT = "dlt-failed-at";

  private final Producer<String, String> producer;

  DeadLetters(Producer<String, String> producer) {
    this.producer = producer;
  }

  /** Blocks until the broker has the dead letter: only then may the offset move past it. */
  void send(String consumer, ConsumerRecord<String, String> record, Throwable error)
      throws ExecutionException, InterruptedException, TimeoutException {
    RecordHeaders headers = new RecordHeaders();
    for (Header h : record.headers()) {
      headers.add(h);
    }
    String message = String.valueOf(error.getMessage());
    headers.add(ERROR, bytes(message.substring(0, Math.min(message.length(), 1000))));
    headers.add(ERROR_CLASS, bytes(error.getClass().getName()));
    headers.add(CONSUMER, bytes(consumer));
    headers.add(ORIGINAL_TOPIC, bytes(record.topic()));
    headers.add(ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
    headers.add(ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
    headers.add(FAILED_AT, bytes(Instant.now().toString()));
    producer
        .send(
            new ProducerRecord<>(
                record.topic() + ".dlt", null, record.key(), record.value(), headers))
        .get(30, TimeUnit.SECONDS);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
