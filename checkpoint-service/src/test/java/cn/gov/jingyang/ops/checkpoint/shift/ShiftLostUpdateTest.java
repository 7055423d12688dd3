package cn.gov.jingyang.ops.checkpoint.shift;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.schedule;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.ConcurrentWriters;
import cn.gov.jingyang.ops.testing.ConcurrentWriters.Answer;
import cn.gov.jingyang.ops.testing.ConcurrentWriters.Outcome;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lost updates of shifts (issue 8 §4): reinforcing and cancelling take If-Match; a write based on a
 * stale reading — another commander's change, or a person taken off because they fell sick — is 412
 * and changes nothing.
 */
@QuarkusTest
class ShiftLostUpdateTest {

  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(50).truncatedTo(ChronoUnit.HOURS);

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private ShiftSupport staff;

  @BeforeEach
  void staff() {
    staff = new ShiftSupport(kafka.bootstrapServers());
  }

  private static ExtractableResponse<Response> post(
      String shift, String move, String ifMatch, Object body) {
    var request = as(COMMAND).body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.post("/shifts/" + shift + "/" + move).then().extract();
  }

  private static ExtractableResponse<Response> reinforce(String shift, String ifMatch, UUID who) {
    return post(shift, "members", ifMatch, member(who, "MEMBER"));
  }

  private static ExtractableResponse<Response> cancel(String shift, String ifMatch) {
    return post(shift, "cancellation", ifMatch, "{\"reason\":\"卡点合并\"}");
  }

  @Test
  void shouldReinforceAndCancelOnlyTheVersionTheCommanderRead() {
    UUID lead = staff.available();
    UUID extra = staff.available();
    String id = schedule(shift(Api.activeCheckpoint(), BASE, 8, List.of(member(lead, "LEAD"))));
    as(COMMAND)
        .get("/shifts/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("version", equalTo(0));

    var missing = reinforce(id, null, extra);
    assertThat(missing.statusCode()).isEqualTo(428);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    assertThat(reinforce(id, "\"9\"", extra).statusCode()).isEqualTo(412);
    Db db = new Db(dataSource);
    assertThat(db.events("ShiftReinforced", "shiftId", id)).isEmpty();

    var reinforced = reinforce(id, "\"0\"", extra);
    assertThat(reinforced.statusCode()).isEqualTo(200);
    assertThat(reinforced.header("ETag")).isEqualTo("\"1\"");
    // a commander who read the shift before the reinforcement cancels it: refused, it stays
    assertThat(cancel(id, null).statusCode()).isEqualTo(428);
    var stale = cancel(id, "\"0\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(stale.jsonPath().getString("detail")).contains("version 1");
    as(COMMAND).get("/shifts/" + id).then().body("status", equalTo("SCHEDULED"));
    assertThat(db.events("ShiftCancelled", "shiftId", id)).isEmpty();

    var cancelled = cancel(id, "\"1\"");
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.header("ETag")).isEqualTo("\"2\"");
    assertThat(cancelled.jsonPath().getString("status")).isEqualTo("CANCELLED");
  }

  @Test
  void shouldRefuseAReinforcementReadBeforeAPersonWasTakenOffTheShift() {
    UUID lead = staff.available();
    UUID member = staff.available();
    String id =
        schedule(
            shift(
                Api.activeCheckpoint(),
                BASE.plusDays(1),
                8,
                List.of(member(lead, "LEAD"), member(member, "MEMBER"))));
    String read = Api.etag("/shifts/" + id);
    staff.fallSick(member);

    assertThat(reinforce(id, read, staff.available()).statusCode()).isEqualTo(412);
    as(COMMAND)
        .get("/shifts/" + id)
        .then()
        .body("members.personId", containsInAnyOrder(lead.toString()));
  }

  /** 50 commanders each add one person to the same shift at once: all 50 are on it at the end. */
  @Test
  void shouldLoseNoneOfFiftyConcurrentReinforcements() throws Exception {
    UUID lead = staff.available();
    List<UUID> people = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      people.add(Api.registerPerson(kafka.bootstrapServers(), "AVAILABLE"));
    }
    people.forEach(p -> staff.awaitStatus(p, "AVAILABLE"));
    String id =
        schedule(shift(Api.activeCheckpoint(), BASE.plusDays(2), 8, List.of(member(lead, "LEAD"))));

    Outcome outcome =
        ConcurrentWriters.run(
            50,
            writer -> {
              var read = as(COMMAND).get("/shifts/" + id).then().statusCode(200).extract();
              var written = reinforce(id, read.header("ETag"), people.get(writer));
              return new Answer(written.statusCode(), written.header("ETag"));
            });

    assertThat(outcome.unexpected()).isEmpty();
    assertThat(outcome.preconditionFailures()).as("writes refused with 412").isPositive();
    assertThat(outcome.etags())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 50).mapToObj(v -> "\"" + v + "\"").toList());
    List<String> everyone = new ArrayList<>(people.stream().map(UUID::toString).toList());
    everyone.add(lead.toString());
    as(COMMAND)
        .get("/shifts/" + id)
        .then()
        .header("ETag", "\"50\"")
        .body("members.personId", containsInAnyOrder(everyone.toArray()));
    List<String> events = new Db(dataSource).events("ShiftReinforced", "shiftId", id);
    assertThat(events).hasSize(50);
    for (int i = 0; i < events.size(); i++) {
      EventContracts.assertValid(events.get(i));
      assertThat(JsonPath.from(events.get(i)).getList("data.members"))
          .as("reinforcement %d made on the shift the one before left", i + 1)
          .hasSize(i + 2);
    }
  }
}
