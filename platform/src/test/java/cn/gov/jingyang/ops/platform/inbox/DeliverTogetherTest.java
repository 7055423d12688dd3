package cn.gov.jingyang.ops.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.platform.config.PlatformConfig;
import cn.gov.jingyang.ops.platform.events.EventCodec;
import cn.gov.jingyang.ops.platform.testapp.InboundHandler;
import cn.gov.jingyang.ops.platform.testapp.UseRealInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partition's records of one poll are applied in one transaction, on the real database: each
 * effect once, duplicates and other consumers' events skipped, and a failure of any one leaves
 * nothing applied, so that delivering them one by one afterwards applies each exactly once.
 */
@QuarkusTest
class DeliverTogetherTest {

  @Inject InboundHandler handler;
  @Inject EventCodec codec;
  @Inject ProcessedEvents processed;
  @Inject Instance<EntityManager> entityManager;
  @Inject PlatformConfig config;
  @Inject DataSource dataSource;

  private RecordDelivery delivery;
  private long offset;

  @BeforeEach
  void newDelivery() {
    delivery =
        new RecordDelivery(
            handler,
            "deliver-together-test",
            null, // nothing here is dead-lettered: one by one is the consumer's path, tested
            // elsewhere
            codec,
            new EventApplication(processed, entityManager, false),
            config.consumer(),
            new SimpleMeterRegistry().counter("dead-lettered"));
  }

  private ConsumerRecord<String, String> record(String name, UUID id, String data) {
    String value =
        """
        {"specversion":"1.0","id":"%s","source":"/jingyang/elsewhere","type":"cn.gov.jingyang.elsewhere.%s",
         "subject":"together","time":"2026-11-30T08:00:00+08:00","datacontenttype":"application/json",
         "data":%s}"""
            .formatted(id, name, data);
    return new ConsumerRecord<>(UseRealInfrastructure.INBOUND, 0, offset++, "together", value);
  }

  @Test
  void shouldApplyAPartitionsRecordsInOneTransactionEachOnce() throws Exception {
    List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    UUID other = UUID.randomUUID();
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    records.add(record("ThingHappened", ids.get(0), "{}"));
    records.add(record("OtherThingHappened", other, "{}"));
    records.add(record("ThingHappened", ids.get(1), "{}"));
    records.add(record("ThingHappened", ids.get(0), "{}")); // the same event again
    records.add(record("ThingHappened", ids.get(2), "{}"));

    assertThat(delivery.deliverTogether(records)).isTrue();

    for (UUID id : ids) {
      assertThat(count("select count(*) from test_effect where event_id = ?", id)).isEqualTo(1);
    }
    assertThat(count("select count(*) from test_effect where event_id = ?", other)).isZero();
    assertThat(delivery.duplicatesSkipped()).isEqualTo(1);
    assertThat(delivery.passedOver()).isEqualTo(1);
    assertThat(
            count(
                "select count(distinct processed_at) from processed_event where event_id = any(?)",
                ids.toArray(UUID[]::new)))
        .as("one transaction: PostgreSQL's now() is the same for all three")
        .isEqualTo(1);

    assertThat(delivery.deliverTogether(records)).as("delivered again").isTrue();
    assertThat(delivery.duplicatesSkipped()).isEqualTo(1 + 4);
    for (UUID id : ids) {
      assertThat(count("select count(*) from test_effect where event_id = ?", id)).isEqualTo(1);
    }
  }

  @Test
  void shouldApplyNothingTogetherWhenOneFailsAndEachOnceOneByOne() throws Exception {
    UUID before = UUID.randomUUID();
    UUID failing = UUID.randomUUID();
    UUID after = UUID.randomUUID();
    List<ConsumerRecord<String, String>> records =
        List.of(
            record("ThingHappened", before, "{}"),
            record("ThingHappened", failing, "{\"poison\":true}"),
            record("ThingHappened", after, "{}"));

    assertThat(delivery.deliverTogether(records)).isFalse();
    for (UUID id : List.of(before, failing, after)) {
      assertThat(count("select count(*) from test_effect where event_id = ?", id))
          .as("rolled back")
          .isZero();
      assertThat(count("select count(*) from processed_event where event_id = ?", id)).isZero();
    }

    // what the consumer then does: one by one (the poison one would go to the dead-letter topic)
    assertThat(delivery.deliver(records.get(0))).isEqualTo(Optional.empty());
    assertThat(delivery.deliver(records.get(2))).isEqualTo(Optional.empty());
    assertThat(count("select count(*) from test_effect where event_id = ?", before)).isEqualTo(1);
    assertThat(count("select count(*) from test_effect where event_id = ?", after)).isEqualTo(1);
  }

  @Test
  void shouldLeaveARecordThatIsNoEventToTheOneByOnePath() throws Exception {
    UUID good = UUID.randomUUID();
    List<ConsumerRecord<String, String>> records =
        List.of(
            record("ThingHappened", good, "{}"),
            new ConsumerRecord<>(UseRealInfrastructure.INBOUND, 0, offset++, "together", "{not"));

    assertThat(delivery.deliverTogether(records)).isFalse();
    assertThat(count("select count(*) from test_effect where event_id = ?", good)).isZero();
  }

  private long count(String sql, Object parameter) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (parameter instanceof Object[] array) {
        ps.setArray(1, c.createArrayOf("uuid", array));
      } else {
        ps.setObject(1, parameter);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
