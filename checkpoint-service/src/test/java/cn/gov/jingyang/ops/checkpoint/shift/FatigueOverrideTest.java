package cn.gov.jingyang.ops.checkpoint.shift;

import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static cn.gov.jingyang.ops.checkpoint.Api.etag;
import static cn.gov.jingyang.ops.checkpoint.Api.member;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.schedule;
import static cn.gov.jingyang.ops.checkpoint.shift.ShiftSupport.shift;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person with an open fatigue alert (learnt from personnel.events) or RESTING is not scheduled,
 * unless COMMAND overrides with a reason, which the shift and its events keep.
 */
@QuarkusTest
class FatigueOverrideTest {

  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(70).truncatedTo(ChronoUnit.HOURS);

  @Inject KafkaClients kafka;
  @Inject DataSource dataSource;

  private ShiftSupport staff;

  @BeforeEach
  void staff() {
    staff = new ShiftSupport(kafka.bootstrapServers());
  }

  private static Map<String, Object> overridden(UUID person, String role, String reason) {
    Map<String, Object> m = new HashMap<>(member(person, role));
    m.put("override", Map.of("reason", reason));
    return m;
  }

  @Test
  void aFatiguedPersonIsRefusedUnlessCommandOverridesWithAReasonThatIsRecorded() {
    String checkpoint = Api.activeCheckpoint();
    UUID chief = staff.available();
    UUID alert = staff.fatigueAlert(chief);
    UUID member = staff.available();

    as(COMMAND)
        .body(shift(checkpoint, BASE, 12, List.of(member(chief, "LEAD"), member(member, "MEMBER"))))
        .post("/shifts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("members[0].personId"))
        .body("detail", allOf(containsString(chief.toString()), containsString("fatigue alert")));

    String reason = "only officer who knows the 孝泉 back roads";
    String id =
        schedule(
            shift(
                checkpoint,
                BASE,
                12,
                List.of(overridden(chief, "LEAD", reason), member(member, "MEMBER"))));
    as(COMMAND)
        .get("/shifts/" + id)
        .then()
        .body("members.find { it.personId == '" + chief + "' }.override.reason", equalTo(reason))
        .body(
            "members.find { it.personId == '" + chief + "' }.override.cause",
            equalTo("FATIGUE_ALERT"))
        .body("members.find { it.personId == '" + chief + "' }.override.by", equalTo("chief"))
        .body("members.find { it.personId == '" + member + "' }.override", nullValue());
    List<String> scheduled = new Db(dataSource).events("ShiftScheduled", "shiftId", id);
    assertThat(scheduled).hasSize(1);
    EventContracts.assertValid(scheduled.get(0));
    JsonPath event = JsonPath.from(scheduled.get(0));
    assertThat(
            event.getString("data.members.find { it.personId == '" + chief + "' }.override.reason"))
        .isEqualTo(reason);
    assertThat(event.getString("data.members.find { it.personId == '" + member + "' }.override"))
        .isNull();

    // rested: the alert is cleared and the person is scheduled like anyone else
    staff.fatigueCleared(chief, alert);
    String later =
        schedule(shift(checkpoint, BASE.plusDays(1), 12, List.of(member(chief, "LEAD"))));
    as(COMMAND).get("/shifts/" + later).then().body("members[0].override", nullValue());
  }

  @Test
  void reinforcingWithAFatiguedOrRestingPersonNeedsTheOverrideToo() {
    String checkpoint = Api.activeCheckpoint();
    String id =
        schedule(
            shift(checkpoint, BASE.plusDays(5), 8, List.of(member(staff.available(), "LEAD"))));
    UUID fatigued = staff.available();
    staff.fatigueAlert(fatigued);
    UUID resting = staff.person("RESTING");

    as(COMMAND)
        .body(member(fatigued, "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("personId"))
        .body("detail", containsString(fatigued.toString()));
    as(COMMAND)
        .body(member(resting, "MEMBER"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(422)
        .body("detail", containsString("RESTING"));
    as(OFFICER)
        .body(overridden(fatigued, "MEMBER", "short of people"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(403);

    as(COMMAND)
        .body(overridden(fatigued, "MEMBER", "short of people"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(200);
    as(COMMAND)
        .body(overridden(resting, "MEMBER", "called back from rest: flood of returning cars"))
        .header("If-Match", etag("/shifts/" + id))
        .post("/shifts/" + id + "/members")
        .then()
        .statusCode(200)
        .body("members.size()", equalTo(3))
        .body(
            "members.find { it.personId == '" + resting + "' }.override.cause", equalTo("RESTING"));

    List<String> events = new Db(dataSource).events("ShiftReinforced", "shiftId", id);
    assertThat(events).hasSize(2);
    events.forEach(EventContracts::assertValid);
    JsonPath last = JsonPath.from(events.get(1));
    assertThat(
            last.getString(
                "data.members.find { it.personId == '" + fatigued + "' }.override.cause"))
        .isEqualTo("FATIGUE_ALERT");
    assertThat(
            last.getString(
                "data.members.find { it.personId == '" + resting + "' }.override.reason"))
        .isEqualTo("called back from rest: flood of returning cars");
  }

  @Test
  void anOverrideNeverAdmitsSomeoneSick() {
    String checkpoint = Api.activeCheckpoint();
    UUID sick = staff.available();
    staff.fallSick(sick);
    as(COMMAND)
        .body(
            shift(
                checkpoint,
                BASE.plusDays(9),
                8,
                List.of(overridden(sick, "LEAD", "we need everyone"))))
        .post("/shifts")
        .then()
        .statusCode(422)
        .body("detail", containsString("SICK"));
  }
}
