package cn.gov.jingyang.ops.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.testapp.Repairs;
import cn.gov.jingyang.ops.platform.testapp.UseRealInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterRedriveTest {

  private static final String TOPIC = UseRealInfrastructure.INBOUND;
  private static final String CONSUMER = "inbound-test";

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private final String command = DevTokens.token("duty-officer", Roles.COMMAND);

  private static String event(UUID id, String data) {
    return """
        {"specversion":"1.0","id":"%s","source":"/jingyang/elsewhere","type":"cn.gov.jingyang.elsewhere.ThingHappened",
         "subject":"thing-1","time":"2026-11-29T08:00:00+08:00","datacontenttype":"application/json","data":%s}"""
        .formatted(id, data);
  }

  private long effects(UUID eventId) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from test_effect where event_id = ?")) {
      ps.setObject(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private Map<String, Object> listed(UUID eventId) {
    List<Map<String, Object>> letters =
        given()
            .auth()
            .oauth2(command)
            .queryParam("consumer", CONSUMER)
            .queryParam("limit", 1000)
            .get("/admin/dead-letters")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return letters.stream()
        .filter(l -> eventId.toString().equals(l.get("eventId")))
        .findFirst()
        .orElse(null);
  }

  @Test
  void shouldApplyARedrivenEventOnceItsCauseIsFixedAndNeverTwice() throws Exception {
    String repair = UUID.randomUUID().toString();
    UUID id = UUID.randomUUID();
    TopicProbe.send(
        kafka.bootstrapServers(),
        TOPIC,
        "redrive-1",
        event(id, "{\"needsRepair\":\"" + repair + "\",\"phone\":\"13812345678\"}"));
    await().atMost(Duration.ofSeconds(30)).until(() -> listed(id) != null);

    Map<String, Object> letter = listed(id);
    assertThat(letter)
        .containsEntry("applied", false)
        .containsEntry("originalTopic", TOPIC)
        .containsEntry("errorClass", PoisonEventException.class.getName());
    assertThat(
            JsonPath.from(
                    given()
                        .auth()
                        .oauth2(command)
                        .queryParam("consumer", CONSUMER)
                        .queryParam("limit", 1000)
                        .get("/admin/dead-letters")
                        .asString())
                .getString("find { it.eventId == '" + id + "' }.event.data.phone"))
        .as("payloads are masked")
        .isEqualTo("138****5678");
    String one =
        "/admin/dead-letters/"
            + CONSUMER
            + "/"
            + letter.get("dltTopic")
            + "/"
            + letter.get("dltPartition")
            + "/"
            + letter.get("dltOffset")
            + "/redrive";

    // not fixed yet: it fails again, says why, and stays on the dead-letter topic
    given()
        .auth()
        .oauth2(command)
        .post(one)
        .then()
        .statusCode(200)
        .body("outcome", equalTo("FAILED"))
        .body("retryable", equalTo(false));
    assertThat(effects(id)).isZero();

    Repairs.repair(repair);
    JsonPath all =
        given()
            .auth()
            .oauth2(command)
            .post("/admin/dead-letters/" + CONSUMER + "/redrive")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(all.getString("results.find { it.eventId == '" + id + "' }.outcome"))
        .isEqualTo("APPLIED");
    assertThat(effects(id)).isEqualTo(1);

    // again, one by one and all at once: nothing changes
    given()
        .auth()
        .oauth2(command)
        .post(one)
        .then()
        .statusCode(200)
        .body("outcome", equalTo("ALREADY_APPLIED"));
    JsonPath again =
        given()
            .auth()
            .oauth2(command)
            .post("/admin/dead-letters/" + CONSUMER + "/redrive")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(again.getList("results.findAll { it.eventId == '" + id + "' }")).isEmpty();
    assertThat(effects(id)).isEqualTo(1);
    assertThat(listed(id)).containsEntry("applied", true);
  }

  @Test
  void shouldAnswerProblemsForUnknownConsumersAndDeadLettersAndRefuseOtherRoles() {
    given()
        .auth()
        .oauth2(command)
        .get("/admin/dead-letters?consumer=nobody")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(command)
        .post("/admin/dead-letters/nobody/redrive")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(command)
        .post("/admin/dead-letters/" + CONSUMER + "/" + TOPIC + ".dlt/0/999999999/redrive")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(command)
        .post("/admin/dead-letters/" + CONSUMER + "/other.dlt/0/0/redrive")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(DevTokens.token("auditor", Roles.AUDITOR))
        .post("/admin/dead-letters/" + CONSUMER + "/redrive")
        .then()
        .statusCode(403);
  }
}
