package cn.gov.jingyang.ops.checkpoint.checkpoint;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.STATION;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint keeps every operating window and every lead agency; inspections are judged against
 * the window they fall in, not against the latest status.
 */
@QuarkusTest
class CheckpointHistoryTest {

  private static final String SUSPENDED_AT = "2020-02-10T00:00:00+08:00";
  private static final String REACTIVATED_AT = "2020-02-15T00:00:00+08:00";

  private static void move(String id, String status, String at, String reason) {
    as(COMMAND)
        .body("{\"status\":\"%s\",\"at\":\"%s\",\"reason\":\"%s\"}".formatted(status, at, reason))
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(200);
  }

  private static String record(String checkpoint, String inspectedAt) {
    return Api.inspection(
        UUID.randomUUID(), checkpoint, inspectedAt, "川F12345", List.of(Api.clearOccupant()));
  }

  private static Instant instant(String time) {
    return OffsetDateTime.parse(time).toInstant();
  }

  private static List<Instant> instants(JsonPath page, String path) {
    return page.getList(path, String.class).stream()
        .map(t -> t == null ? null : instant(t))
        .toList();
  }

  @Test
  void aRecordMadeDuringAnEarlierSuspensionIsRefusedAfterReactivation() {
    String id = Api.activeCheckpoint();
    move(id, "SUSPENDED", SUSPENDED_AT, "no staff");
    move(id, "ACTIVE", REACTIVATED_AT, "reinforced");

    as(OFFICER)
        .body(record(id, "2020-02-12T10:00:00+08:00"))
        .post("/inspections")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("inspectedAt"))
        .body("detail", containsString("SUSPENDED"));

    as(OFFICER)
        .body(
            Api.batch(
                List.of(
                    record(id, "2020-02-12T10:00:00+08:00"),
                    record(id, "2020-02-16T10:00:00+08:00"),
                    record(id, "2020-02-05T10:00:00+08:00"),
                    record(id, SUSPENDED_AT))))
        .post("/inspections/batch")
        .then()
        .statusCode(200)
        .body("results[0].outcome", equalTo("REJECTED"))
        .body("results[0].problem.status", equalTo(422))
        .body("results[0].problem.errors[0].field", equalTo("records[0].inspectedAt"))
        .body("results[1].outcome", equalTo("CREATED"))
        .body("results[2].outcome", equalTo("CREATED"))
        .body("results[3].outcome", equalTo("REJECTED"));
  }

  @Test
  void theHistoryListsTheWindowsAndLeadAgenciesInOrder() {
    String code = Api.newCode();
    String id =
        as(COMMAND)
            .body(Api.checkpointJson(code))
            .post("/checkpoints")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    move(id, "ACTIVE", "2020-01-28T08:00:00+08:00", "opened");
    move(id, "SUSPENDED", SUSPENDED_AT, "no staff");
    move(id, "ACTIVE", REACTIVATED_AT, "reinforced");
    String etag = as(COMMAND).get("/checkpoints/" + id).then().extract().header("ETag");
    as(COMMAND)
        .header("If-Match", etag)
        .body(Api.checkpointJson(code).replace("旌阳公安分局", "旌阳区卫健局"))
        .put("/checkpoints/" + id)
        .then()
        .statusCode(200)
        .body("leadAgency", equalTo("旌阳区卫健局"));

    JsonPath all =
        as(AUDITOR)
            .get("/checkpoints/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(all.getInt("total")).isEqualTo(5);
    assertThat(all.getList("items.kind", String.class))
        .containsExactly("LEAD_AGENCY", "STATUS", "STATUS", "STATUS", "LEAD_AGENCY");
    assertThat(all.getList("items.status", String.class))
        .containsExactly(null, "ACTIVE", "SUSPENDED", "ACTIVE", null);
    assertThat(all.getList("items.leadAgency", String.class))
        .containsExactly("旌阳公安分局", null, null, null, "旌阳区卫健局");
    List<Instant> from = instants(all, "items.from");
    List<Instant> to = instants(all, "items.to");
    assertThat(from.subList(0, 4))
        .containsExactly(
            instant("2020-01-26T00:00:00+08:00"),
            instant("2020-01-28T08:00:00+08:00"),
            instant(SUSPENDED_AT),
            instant(REACTIVATED_AT));
    assertThat(to.subList(1, 4))
        .containsExactly(instant(SUSPENDED_AT), instant(REACTIVATED_AT), null);
    assertThat(to.get(0)).isEqualTo(from.get(4)); // the police lead ended when health took over
    assertThat(to.get(4)).isNull();
    assertThat(all.getList("items.reason", String.class).get(2)).isEqualTo("no staff");
    assertThat(all.getList("items.changedBy", String.class).get(2)).isEqualTo("chief");

    JsonPath second =
        as(OFFICER)
            .queryParam("page", 1)
            .queryParam("size", 2)
            .get("/checkpoints/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(second.getList("items.status", String.class)).containsExactly("SUSPENDED", "ACTIVE");
    assertThat(second.getInt("total")).isEqualTo(5);

    // a change dated before the current window began would make windows overlap
    as(COMMAND)
        .body("{\"status\":\"SUSPENDED\",\"at\":\"2020-02-14T00:00:00+08:00\"}")
        .post("/checkpoints/" + id + "/status")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("at"));
    as(COMMAND).get("/checkpoints/" + id + "/history").then().body("total", equalTo(5));
  }

  @Test
  void onlyReadersOfCheckpointsSeeTheHistoryAndAnUnknownCheckpointIs404() {
    String id = Api.activeCheckpoint();
    as(STATION).get("/checkpoints/" + id + "/history").then().statusCode(403);
    as(AUDITOR)
        .get("/checkpoints/" + UUID.randomUUID() + "/history")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
