package cn.gov.jingyang.ops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

  private final TestInfrastructure infra = TestInfrastructure.get();

  @Test
  void shouldRunTheServersAsContainersWhenAskedAndDockerAnswers() {
    boolean asked =
        "containers".equals(System.getProperty("infra.provider"))
            && System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null
            && System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null;
    // -Pcontainers asks; without a Docker engine or the images the embedded servers stand in
    boolean containers = asked && ContainerServers.unavailable().isEmpty();
    assertThat(TestInfrastructure.provider()).isEqualTo(containers ? "containers" : "embedded");
  }

  @Test
  void shouldGiveEachServiceItsOwnDatabaseOnARealPostgres() throws Exception {
    String url = infra.database("infra_check");
    try (var c = DriverManager.getConnection(url, infra.user(), infra.password());
        var rs = c.createStatement().executeQuery("select current_database(), version()")) {
      rs.next();
      // infra_check on the embedded server, infra_check_test on an existing one
      assertThat(rs.getString(1))
          .startsWith("infra_check")
          .isEqualTo(url.substring(url.lastIndexOf('/') + 1));
      assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
    }
  }

  @Test
  void shouldCarryRecordsThroughARealBroker() throws Exception {
    String topic = ServiceCatalog.CHECKPOINT.topic();
    String hello =
        "hello " + java.util.UUID.randomUUID(); // the topic may hold other records already
    try (var producer =
        new KafkaProducer<String, String>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k1", hello)).get();
    }
    try (var consumer =
        new KafkaConsumer<String, String>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "infra-check-" + java.util.UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      var values = new java.util.ArrayList<String>();
      long deadline = System.currentTimeMillis() + 30_000;
      while (!values.contains(hello) && System.currentTimeMillis() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
      }
      assertThat(values).containsOnlyOnce(hello);
    }
  }

  @Test
  void shouldReplaceTheDatabaseOfAJdbcUrl() {
    assertThat(TestInfrastructure.withDatabase("jdbc:postgresql://db:5433/x?ssl=false", "cases"))
        .isEqualTo("jdbc:postgresql://db:5433/cases?ssl=false");
  }
}
