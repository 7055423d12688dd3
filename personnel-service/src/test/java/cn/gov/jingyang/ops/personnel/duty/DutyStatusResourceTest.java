package cn.gov.jingyang.ops.personnel.duty;

import static cn.gov.jingyang.ops.personnel.TestApi.admin;
import static cn.gov.jingyang.ops.personnel.TestApi.as;
import static cn.gov.jingyang.ops.personnel.TestApi.bureau;
import static cn.gov.jingyang.ops.personnel.TestApi.register;
import static cn.gov.jingyang.ops.personnel.TestApi.validEventsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.platform.paging.PageRequest;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DutyStatusResourceTest {

  @Inject DataSource db;

  private static void change(String id, String status, String reason, int expected) {
    admin()
        .body(Map.of("status", status, "reason", reason))
        .post("/people/" + id + "/duty-status")
        .then()
        .statusCode(expected);
  }

  @Test
  void shouldKeepADatedHistoryAndPublishEveryChange() {
    String id = register("POLICE_OFFICER", bureau());
    change(id, "ON_DUTY", "checkpoint CP-HX-01", 200);
    // a change dated before the previous one, which has begun, would rewrite history
    admin()
        .body(
            Map.of(
                "status",
                "SICK",
                "reason",
                "kidney stones",
                "effectiveFrom",
                "2020-02-06T10:30:00+08:00"))
        .post("/people/" + id + "/duty-status")
        .then()
        .statusCode(422)
        .body("errors.field", org.hamcrest.Matchers.hasItem("effectiveFrom"));
    admin()
        .body(Map.of("status", "SICK", "reason", "kidney stones after 12 days at the checkpoint"))
        .post("/people/" + id + "/duty-status")
        .then()
        .statusCode(200)
        .body("previousStatus", equalTo("ON_DUTY"))
        .body("changedBy", equalTo("tester-personnel_admin"));

    as(Roles.CHECKPOINT_OFFICER).get("/people/" + id).then().body("dutyStatus", equalTo("SICK"));
    as(Roles.COMMAND)
        .get("/people/" + id + "/duty-status/history")
        .then()
        .statusCode(200)
        .body("total", equalTo(2));

    List<String> events = validEventsOf(db, id, "DutyStatusChanged");
    assertThat(events).hasSize(2);
    JsonPath sick = JsonPath.from(events.get(1));
    assertThat(sick.getString("data.previousStatus")).isEqualTo("ON_DUTY");
    assertThat(sick.getString("data.status")).isEqualTo("SICK");
    assertThat(sick.getString("data.reason")).contains("kidney stones");
  }

  @Test
  void shouldRefuseToSendTheSickStraightBackOnDuty() {
    String id = register("AUXILIARY_POLICE", bureau());
    change(id, "SICK", "fever", 200);
    admin()
        .body(Map.of("status", "ON_DUTY", "reason", "needed at the checkpoint"))
        .post("/people/" + id + "/duty-status")
        .then()
        .statusCode(409)
        .body("from", equalTo("SICK"))
        .body("to", equalTo("ON_DUTY"))
        .body("allowed", contains("AVAILABLE", "INJURED"));
    change(id, "AVAILABLE", "recovered", 200);
    change(id, "ON_DUTY", "back at the checkpoint", 200);
    assertThat(validEventsOf(db, id, "DutyStatusChanged")).hasSize(3);
  }

  @Test
  void shouldRefuseAReasonOrAPageOverItsDeclaredLimitNamingTheField() {
    String id = register("STAFF", bureau());
    admin()
        .body(Map.of("status", "SICK", "reason", "病".repeat(501)))
        .post("/people/" + id + "/duty-status")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("reason"));
    as(Roles.COMMAND)
        .get("/people/" + id + "/duty-status")
        .then()
        .body("status", equalTo("AVAILABLE"));
    as(Roles.COMMAND)
        .get("/people/" + id + "/duty-status/history?page=" + (PageRequest.MAX_PAGE + 1))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("page"));
  }

  @Test
  void shouldRefuseStatusChangesOfDeactivatedPeopleAndBadInput() {
    String id = register("STAFF", bureau());
    admin()
        .body(Map.of("reason", "transferred"))
        .post("/people/" + id + "/deactivation")
        .then()
        .statusCode(200);
    change(id, "ON_DUTY", "x", 409);
    admin()
        .body(Map.of("status", "DAYDREAMING", "reason", "x"))
        .post("/people/" + UUID.randomUUID() + "/duty-status")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem("status"));
    admin()
        .body(Map.of("status", "SICK"))
        .post("/people/" + id + "/duty-status")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItem("reason"));
    change(UUID.randomUUID().toString(), "SICK", "x", 404);
    as(Roles.CHECKPOINT_OFFICER)
        .body(Map.of("status", "SICK", "reason", "x"))
        .post("/people/" + id + "/duty-status")
        .then()
        .statusCode(403);
  }
}
