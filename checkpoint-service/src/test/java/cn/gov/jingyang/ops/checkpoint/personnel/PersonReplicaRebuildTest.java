package cn.gov.jingyang.ops.checkpoint.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.inbox.EventConsumers;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 §3: the person replica is rebuilt from personnel.people.state, the compacted topic of the
 * latest PersonSnapshot of every person. The replica rows are deleted (as an operator would
 * truncate it) and the consumer restarted: the replica is complete again and equal to the latest
 * snapshots — older versions of a person, and the snapshots' order, do not matter.
 */
@QuarkusTest
class PersonReplicaRebuildTest {

  private static final String EXAMPLE_PERSON = "6f1d2a3b-0c4d-4e5f-8a9b-1c2d3e4f5a6b";
  private static final String EXAMPLE_ID = "5c0e7a1d-2b3f-4d6a-9e8c-7f1a2b3c4d5e";

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;
  @Inject EventConsumers consumers;

  /** What personnel-service holds of a person, as its snapshot says it. */
  record Person(UUID id, String name, String dutyStatus, boolean active, int version) {
    String row() {
      return id + "|" + name + "|POLICE_OFFICER|" + dutyStatus + "|" + active + "|" + version;
    }
  }

  private void publish(Person p) {
    String event =
        EventContracts.example("personnel", "PersonSnapshot")
            .replace(EXAMPLE_PERSON, p.id().toString())
            .replace(EXAMPLE_ID, UUID.randomUUID().toString())
            .replace("\"name\": \"张伟\"", "\"name\": \"" + p.name() + "\"")
            .replace("\"dutyStatus\": \"SICK\"", "\"dutyStatus\": \"" + p.dutyStatus() + "\"")
            // the status as personnel-service shows it now, with no end known
            .replace(
                "\"dutyStatusUntil\": \"2020-02-08T09:30:00+08:00\"", "\"dutyStatusUntil\": null")
            .replace("\"active\": true", "\"active\": " + p.active())
            .replace("\"version\": 3", "\"version\": " + p.version());
    EventContracts.assertValid(event);
    TopicProbe.send(kafka.bootstrapServers(), PersonStateHandler.TOPIC, p.id().toString(), event);
  }

  private List<String> replica(List<Person> people) {
    return new Db(dataSource)
        .strings(
            "select person_id || '|' || name || '|' || category || '|' || duty_status || '|'"
                + " || active || '|' || person_version from personnel_replica"
                + " where person_id::text = any(?) order by person_id",
            (Object) ids(people));
  }

  private static String[] ids(List<Person> people) {
    return people.stream().map(p -> p.id().toString()).toArray(String[]::new);
  }

  @Test
  void shouldBeCompleteAgainAfterTheReplicaIsDroppedAndTheConsumerRestarts() throws Exception {
    List<Person> latest = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      UUID id = UUID.randomUUID();
      String status = i % 4 == 1 ? "SICK" : i % 4 == 2 ? "ON_LEAVE" : "AVAILABLE";
      boolean active = i % 4 != 3; // a deactivated person is a snapshot with active=false
      if (i % 3 == 0) {
        publish(new Person(id, "旧名" + i, "AVAILABLE", true, 0)); // superseded below
      }
      Person now = new Person(id, "民警" + i, status, active, 1 + i % 3);
      publish(now);
      latest.add(now);
    }
    latest.sort((a, b) -> a.id().toString().compareTo(b.id().toString()));
    List<String> expected = latest.stream().map(Person::row).toList();
    await().atMost(Duration.ofSeconds(60)).until(() -> replica(latest).equals(expected));

    // an operator drops the replica (here: these people's rows, as other tests share the table)
    new Db(dataSource)
        .rows(
            "with gone as (delete from personnel_replica where person_id::text = any(?) returning 1)"
                + " select count(*) from gone",
            (Object) ids(latest));
    new Db(dataSource)
        .rows(
            "with gone as (delete from processed_event where consumer = ? returning 1)"
                + " select count(*) from gone",
            PersonStateHandler.CONSUMER);
    assertThat(replica(latest)).isEmpty();

    consumers.restart(PersonStateHandler.CONSUMER);

    await().atMost(Duration.ofSeconds(90)).until(() -> replica(latest).equals(expected));
  }

  @Test
  void shouldReadATopicThatKafkaCompacts() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      ConfigResource topic =
          new ConfigResource(ConfigResource.Type.TOPIC, PersonStateHandler.TOPIC);
      Config config =
          admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }
}
