package cn.gov.jingyang.ops.checkpoint.shift;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.etag;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.schedule;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

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
class ShiftCancellationTest {

  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(50).truncatedTo(ChronoUnit.HOURS);

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private ShiftSupport staff;

  @BeforeEach
  void staff() {
    staff = new ShiftSupport(kafka.bootstrapServers());
  }

  private static Map<String, String> because(String reason) {
    return Map.of("reason", reason);
  }

  @Test
  void aCancelledShiftFreesItsPeopleCannotStartAndIsPublished() {
    String checkpoint = Api.activeCheckpoint();
    UUID lead = staff.available();
    UUID member = staff.available();
    String id =
        schedule(
            shift(checkpoint, BASE, 12, List.of(member(lead, "LEAD"), member(member, "MEMBER"))));

    as(COMMAND)
        .body(because("  卡点合并，班次取消 "))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/cancellation")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("cancellationReason", equalTo("卡点合并，班次取消"))
        .body("cancelledAt", notNullValue());
    as(AUDITOR)
        .queryParam("status", "CANCELLED")
        .queryParam("checkpointId", checkpoint)
        .get("/shifts")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(id));

    List<String> events = new Db(dataSource).events("ShiftCancelled", "shiftId", id);
    assertThat(events).hasSize(1);
    EventContracts.assertValid(events.get(0));
    JsonPath event = JsonPath.from(events.get(0));
    assertThat(event.getString("data.reason")).isEqualTo("卡点合并，班次取消");
    assertThat(event.getString("data.checkpointId")).isEqualTo(checkpoint);
    assertThat(event.getList("data.members.personId"))
        .containsExactlyInAnyOrder(lead.toString(), member.toString());

    // it cannot start, be cancelled again or be reinforced
    as(COMMAND)
        .body("{\"at\":\"" + BASE + "\"}")
        .post("/shifts/" + id + "/start")
        .then()
        .statusCode(409)
        .body("detail", containsString("CANCELLED"));
    as(COMMAND)
        .body(because("again"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/cancellation")
        .then()
        .statusCode(409)
        .body("status", equalTo("CANCELLED"));
    as(COMMAND)
        .body(member(staff.available(), "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(409)
        .body("detail", containsString("CANCELLED"));

    // its people are free for that time again, here and as reinforcements elsewhere
    schedule(shift(Api.activeCheckpoint(), BASE.plusHours(2), 8, List.of(member(lead, "LEAD"))));
    UUID otherLead = staff.available();
    String other =
        schedule(
            shift(
                Api.activeCheckpoint(), BASE.plusHours(1), 8, List.of(member(otherLead, "LEAD"))));
    as(COMMAND)
        .body(member(member, "MEMBER"))
        .header("If-Match", etag("/shifts/" + other))
        .post("/shifts/" + other + "/members")
        .then()
        .statusCode(200);
    // and a cancelled shift is not "upcoming" when one of its people falls sick
    staff.fallSick(member);
    as(COMMAND)
        .get("/shifts/" + id)
        .then()
        .body("status", equalTo("CANCELLED"))
        .body("members.size()", equalTo(2));
    as(COMMAND).get("/shifts/" + other).then().body("status", equalTo("UNDERSTAFFED"));
  }

  @Test
  void onlyAShiftThatHasNotStartedIsCancelledAndOnlyWithAReason() {
    UUID lead = staff.available();
    String checkpoint = Api.activeCheckpoint();
    String started =
        schedule(shift(checkpoint, BASE.plusDays(1), 8, List.of(member(lead, "LEAD"))));
    as(COMMAND)
        .body("{\"at\":\"" + BASE.plusDays(1) + "\"}")
        .post("/shifts/" + started + "/start")
        .then()
        .statusCode(200);
    as(COMMAND)
        .body(because("too late"))
        .header("If-Match", etag("/shifts/" + started))
        .post("/shifts/" + started + "/cancellation")
        .then()
        .statusCode(409)
        .body("status", equalTo("STARTED"))
        .body("detail", containsString("STARTED"));

    String upcoming =
        schedule(
            shift(checkpoint, BASE.plusDays(2), 8, List.of(member(staff.available(), "LEAD"))));
    as(COMMAND)
        .body(because(" "))
        .header("If-Match", etag("/shifts/" + upcoming))
        .post("/shifts/" + upcoming + "/cancellation")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    as(COMMAND)
        .body("{}")
        .header("If-Match", etag("/shifts/" + upcoming))
        .post("/shifts/" + upcoming + "/cancellation")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    as(OFFICER)
        .body(because("not mine to cancel"))
        .header("If-Match", etag("/shifts/" + upcoming))
        .post("/shifts/" + upcoming + "/cancellation")
        .then()
        .statusCode(403);
    as(COMMAND)
        .body(because("no such shift"))
        .header("If-Match", "\"0\"")
        .post("/shifts/" + UUID.randomUUID() + "/cancellation")
        .then()
        .statusCode(404);
    as(COMMAND).get("/shifts/" + upcoming).then().body("status", equalTo("SCHEDULED"));
    assertThat(new Db(dataSource).events("ShiftCancelled", "shiftId", upcoming)).isEmpty();
  }
}
