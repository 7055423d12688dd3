package cn.gov.jingyang.ops.checkpoint.shift;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.etag;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.schedule;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShiftReinforcementTest {

  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(40).truncatedTo(ChronoUnit.HOURS);

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private ShiftSupport staff;

  @BeforeEach
  void staff() {
    staff = new ShiftSupport(kafka.bootstrapServers());
  }

  private static Map<String, Object> reinforcement(UUID person, String role) {
    return member(person, role);
  }

  @Test
  void aShiftWhoseLeadFellSickIsReinforcedWithANewLeadAndIsScheduledAgain() {
    String checkpoint = Api.activeCheckpoint();
    UUID lead = staff.available();
    UUID member = staff.available();
    String id =
        schedule(
            shift(checkpoint, BASE, 12, List.of(member(lead, "LEAD"), member(member, "MEMBER"))));

    staff.fallSick(lead);
    as(COMMAND)
        .get("/shifts/" + id)
        .then()
        .body("status", equalTo("UNDERSTAFFED"))
        .body("members.size()", equalTo(1));

    // another MEMBER does not make up for the missing LEAD
    UUID extra = staff.available();
    as(COMMAND)
        .body(reinforcement(extra, "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(200)
        .body("status", equalTo("UNDERSTAFFED"))
        .body("members.size()", equalTo(2));
    as(COMMAND)
        .body("{}")
        .post("/shifts/" + id + "/start")
        .then()
        .statusCode(409)
        .body("detail", containsString("LEAD"));

    UUID newLead = staff.available();
    as(COMMAND)
        .body(reinforcement(newLead, "LEAD"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"))
        .body("members.size()", equalTo(3))
        .body("members.find { it.role == 'LEAD' }.personId", equalTo(newLead.toString()));
    as(OFFICER)
        .queryParam("personId", newLead)
        .get("/shifts")
        .then()
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(id));

    List<String> events = new Db(dataSource).events("ShiftReinforced", "shiftId", id);
    assertThat(events).hasSize(2);
    events.forEach(EventContracts::assertValid);
    JsonPath last = JsonPath.from(events.get(1));
    assertThat(last.getString("subject")).isEqualTo(id);
    assertThat(last.getString("data.addedPersonId")).isEqualTo(newLead.toString());
    assertThat(last.getString("data.role")).isEqualTo("LEAD");
    assertThat(last.getString("data.checkpointId")).isEqualTo(checkpoint);
    assertThat(last.getList("data.members.personId"))
        .containsExactlyInAnyOrder(member.toString(), extra.toString(), newLead.toString());
    assertThat(OffsetDateTime.parse(last.getString("data.start")).toInstant())
        .isEqualTo(BASE.toInstant());

    // and the shift can start now
    as(COMMAND)
        .body("{\"at\":\"" + BASE + "\"}")
        .post("/shifts/" + id + "/start")
        .then()
        .statusCode(200);
  }

  @Test
  void onlyKnownAvailablePeopleWhoAreFreeAndNotYetOnTheShiftAreAdded() {
    String checkpoint = Api.activeCheckpoint();
    UUID lead = staff.available();
    String id = schedule(shift(checkpoint, BASE.plusDays(1), 8, List.of(member(lead, "LEAD"))));

    as(COMMAND)
        .body(reinforcement(UUID.randomUUID(), "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("personId"))
        .body("detail", containsString("not known"));
    UUID resting = staff.person("RESTING");
    as(COMMAND)
        .body(reinforcement(resting, "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("personId"))
        .body("detail", containsString("RESTING"));
    as(COMMAND)
        .body(reinforcement(lead, "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(409)
        .body("type", endsWith("/already-on-shift"))
        .body("detail", containsString(lead.toString()));

    UUID busy = staff.available();
    String elsewhere =
        schedule(
            shift(
                Api.activeCheckpoint(),
                BASE.plusDays(1).plusHours(4),
                8,
                List.of(member(busy, "LEAD"))));
    as(COMMAND)
        .body(reinforcement(busy, "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(409)
        .body("type", endsWith("/shift-overlap"))
        .body("detail", containsString(elsewhere));

    UUID second = staff.available();
    as(COMMAND)
        .body(reinforcement(second, "LEAD"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(409)
        .body("type", endsWith("/shift-has-lead"))
        .body("detail", containsString("LEAD"));
    as(COMMAND)
        .body(reinforcement(second, "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"))
        .body("members.personId", hasItem(second.toString()));

    as(COMMAND)
        .body(Map.of("personId", second.toString(), "role", "CAPTAIN"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("role"));
    as(COMMAND)
        .body(reinforcement(second, "MEMBER"))
        .header("If-Match", "\"0\"")
        .post("/shifts/" + UUID.randomUUID() + "/members")
        .then()
        .statusCode(404);
    as(OFFICER)
        .body(reinforcement(second, "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(403);
    assertThat(new Db(dataSource).events("ShiftReinforced", "shiftId", id)).hasSize(1);
  }

  @Test
  void aShiftThatHasStartedIsNotReinforced() {
    UUID lead = staff.available();
    String id =
        schedule(shift(Api.activeCheckpoint(), BASE.plusDays(2), 8, List.of(member(lead, "LEAD"))));
    as(COMMAND)
        .body("{\"at\":\"" + BASE.plusDays(2) + "\"}")
        .post("/shifts/" + id + "/start")
        .then()
        .statusCode(200);
    as(COMMAND)
        .body(reinforcement(staff.available(), "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(409)
        .body("status", equalTo("STARTED"))
        .body("detail", containsString("STARTED"));
  }

  @Test
  void ofTwoConcurrentLeadsForAShiftWithoutOneExactlyOneIsAdded() throws Exception {
    UUID lead = staff.available();
    UUID member = staff.available();
    String id =
        schedule(
            shift(
                Api.activeCheckpoint(),
                BASE.plusDays(3),
                8,
                List.of(member(lead, "LEAD"), member(member, "MEMBER"))));
    staff.fallSick(lead);
    as(COMMAND).get("/shifts/" + id).then().body("status", equalTo("UNDERSTAFFED"));
    UUID one = staff.available();
    UUID two = staff.available();

    List<Integer> statuses =
        ShiftSupport.race(
            () ->
                as(COMMAND)
                    .body(reinforcement(one, "LEAD"))
                    .header("If-Match", etag("/shifts/" + id))
                    .post("/shifts/" + id + "/members")
                    .statusCode(),
            () ->
                as(COMMAND)
                    .body(reinforcement(two, "LEAD"))
                    .header("If-Match", etag("/shifts/" + id))
                    .post("/shifts/" + id + "/members")
                    .statusCode());
    // the loser is 409 (the shift has its LEAD) or, if it read the shift before the winner wrote,
    // 412 (its If-Match is stale): either way, one LEAD
    assertThat(statuses).containsOnlyOnce(200);
    assertThat(statuses).containsAnyOf(409, 412);
    as(COMMAND)
        .get("/shifts/" + id)
        .then()
        .body("status", equalTo("SCHEDULED"))
        .body("members.size()", equalTo(2));
  }
}
