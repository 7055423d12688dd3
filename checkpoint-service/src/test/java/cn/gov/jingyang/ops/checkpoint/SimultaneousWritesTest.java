package cn.gov.jingyang.ops.checkpoint;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.etag;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import cn.gov.jingyang.ops.testing.SimultaneousWrites;
import cn.gov.jingyang.ops.testing.SimultaneousWrites.Answer;
import cn.gov.jingyang.ops.testing.SimultaneousWrites.Conflict;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 R5: 50 clients read the same version of a checkpoint, a shift or the risk rules and
 * write it at the same instant — one write lands, 49 are refused with 412/409 problem+json, the
 * stored state is the winner's, the version moved on once and one event was appended. A creation
 * sent 50 times at once with one Idempotency-Key creates one checkpoint.
 */
@QuarkusTest
class SimultaneousWritesTest {

  private static final int WRITERS = 50;
  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(70).truncatedTo(ChronoUnit.HOURS);

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  private static String next(String etag) {
    return "\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"";
  }

  @Test
  void shouldLandOneOfFiftySimultaneousCheckpointEdits() throws Exception {
    String id = Api.plannedCheckpoint();
    String code = as(COMMAND).get("/checkpoints/" + id).then().extract().path("code");

    Conflict conflict =
        SimultaneousWrites.conflicting(
            WRITERS,
            w -> etag("/checkpoints/" + id),
            (w, ifMatch) ->
                Answer.of(
                    as(COMMAND)
                        .header("If-Match", ifMatch)
                        .body(Api.checkpointJson(code).replace("旌阳公安分局", "旌阳公安分局第" + w + "组"))
                        .put("/checkpoints/" + id)
                        .then()
                        .extract()));

    int winner = conflict.soleWinner();
    String lead = "旌阳公安分局第" + winner + "组";
    assertThat(conflict.winnerAnswer().etag()).isEqualTo(next(conflict.etag()));
    as(COMMAND)
        .get("/checkpoints/" + id)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("leadAgency", equalTo(lead));
    List<String> events = new Db(dataSource).events("CheckpointUpdated", "checkpointId", id);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    assertThat(JsonPath.from(events.get(0)).getString("data.leadAgency")).isEqualTo(lead);
  }

  @Test
  void shouldLandOneOfFiftySimultaneousReinforcements() throws Exception {
    List<UUID> people = new ArrayList<>();
    for (int i = 0; i <= WRITERS; i++) {
      people.add(Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE"));
    }
    people.forEach(this::awaitAvailable);
    UUID lead = people.remove(WRITERS);
    String shift = schedule(lead);

    Conflict conflict =
        SimultaneousWrites.conflicting(
            WRITERS,
            w -> etag("/shifts/" + shift),
            (w, ifMatch) ->
                Answer.of(
                    as(COMMAND)
                        .header("If-Match", ifMatch)
                        .body(member(people.get(w), "MEMBER"))
                        .post("/shifts/" + shift + "/members")
                        .then()
                        .extract()));

    String added = people.get(conflict.soleWinner()).toString();
    as(COMMAND)
        .get("/shifts/" + shift)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("members.personId", org.hamcrest.Matchers.containsInAnyOrder(lead.toString(), added));
    List<String> events = new Db(dataSource).events("ShiftReinforced", "shiftId", shift);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    assertThat(JsonPath.from(events.get(0)).getString("data.addedPersonId")).isEqualTo(added);
    // the 49 refused are free for other shifts: none of them is held by this one
    assertThat(JsonPath.from(events.get(0)).getList("data.members")).hasSize(2);
  }

  @Test
  void shouldLandOneOfFiftySimultaneousCancellations() throws Exception {
    String shift = schedule(Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE"));

    Conflict conflict =
        SimultaneousWrites.conflicting(
            WRITERS,
            w -> etag("/shifts/" + shift),
            (w, ifMatch) ->
                Answer.of(
                    as(COMMAND)
                        .header("If-Match", ifMatch)
                        .body(Map.of("reason", "卡点合并 " + w))
                        .post("/shifts/" + shift + "/cancellation")
                        .then()
                        .extract()));

    int winner = conflict.soleWinner();
    as(COMMAND)
        .get("/shifts/" + shift)
        .then()
        .header("ETag", next(conflict.etag()))
        .body("status", equalTo("CANCELLED"));
    List<String> events = new Db(dataSource).events("ShiftCancelled", "shiftId", shift);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    assertThat(events.get(0)).contains("卡点合并 " + winner + "\"");
  }

  @Test
  void shouldLandOneOfFiftySimultaneousRiskRuleChanges() throws Exception {
    JsonPath rules = as(COMMAND).get("/risk-rules").then().statusCode(200).extract().jsonPath();
    Db db = new Db(dataSource);
    long before =
        db.count("select count(*) from outbox where event_type like '%.RiskRulesChanged'");

    Conflict conflict =
        SimultaneousWrites.conflicting(
            WRITERS,
            w -> etag("/risk-rules"),
            (w, ifMatch) ->
                Answer.of(
                    as(COMMAND)
                        .header("If-Match", ifMatch)
                        .body(
                            Map.of(
                                "regions", rules.getList("regions"),
                                "temperatureThreshold", rules.getString("temperatureThreshold"),
                                "symptoms", rules.getList("symptoms"),
                                "reason", "unchanged, confirmed by writer " + w))
                        .put("/risk-rules")
                        .then()
                        .extract()));

    int winner = conflict.soleWinner();
    as(COMMAND)
        .get("/risk-rules")
        .then()
        .header("ETag", next(conflict.etag()))
        .body("reason", equalTo("unchanged, confirmed by writer " + winner));
    assertThat(db.count("select count(*) from outbox where event_type like '%.RiskRulesChanged'"))
        .isEqualTo(before + 1);
  }

  @Test
  void shouldCreateOneCheckpointForFiftySimultaneousCopiesWithOneIdempotencyKey() throws Exception {
    String code = Api.newCode();
    String key = UUID.randomUUID().toString();

    Answer created =
        SimultaneousWrites.identical(
            WRITERS,
            s ->
                Answer.of(
                    as(COMMAND)
                        .header("Idempotency-Key", key)
                        .body(Api.checkpointJson(code))
                        .post("/checkpoints")
                        .then()
                        .extract()));

    assertThat(created.status()).isEqualTo(201);
    Db db = new Db(dataSource);
    assertThat(db.count("select count(*) from checkpoint where code = ?", code)).isEqualTo(1);
    String id = JsonPath.from(created.body()).getString("id");
    assertThat(db.events("CheckpointRegistered", "checkpointId", id)).hasSize(1);
  }

  private String schedule(UUID lead) {
    awaitAvailable(lead);
    Map<String, Object> body =
        Map.of(
            "checkpointId",
            Api.activeCheckpoint(),
            "start",
            BASE.toString(),
            "end",
            BASE.plusHours(8).toString(),
            "members",
            List.of(member(lead, "LEAD")));
    return as(COMMAND).body(body).post("/shifts").then().statusCode(201).extract().path("id");
  }

  private void awaitAvailable(UUID person) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                as(COMMAND)
                    .get("/personnel/" + person)
                    .then()
                    .statusCode(200)
                    .body("dutyStatus", equalTo("AVAILABLE")));
  }
}
