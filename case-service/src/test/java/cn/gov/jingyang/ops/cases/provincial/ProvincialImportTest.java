package cn.gov.jingyang.ops.cases.provincial;

import static cn.gov.jingyang.ops.cases.verification.Tasks.COMMAND;
import static cn.gov.jingyang.ops.cases.verification.Tasks.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.cases.verification.Tasks;
import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A provincial list: valid rows become routed tasks, bad rows are reported by line, a person twice
 * in the batch is one task, a person with an open task gets the list as a source, a town no station
 * covers goes to the district queue, and re-sending the batch creates nothing new.
 */
@QuarkusTest
class ProvincialImportTest {

  static final String PROVINCE = DevTokens.token("sc.province", Roles.PROVINCIAL_PLATFORM);

  @Inject DataSource dataSource;
  @Inject PersonalDataSealing sealing;
  @Inject KafkaClients kafka;

  @Test
  void importsValidRowsReportsBadOnesByLineAndReSendingCreatesNothing() {
    Db db = new Db(dataSource);
    UUID station = UUID.randomUUID();
    Tasks.cover(kafka.bootstrapServers(), db, station, UUID.randomUUID(), "PS-YJ", "510603-T17");
    String a = Tasks.idNumber();
    String b = Tasks.idNumber();
    String c = Tasks.idNumber();
    String open = Tasks.idNumber();
    as(COMMAND)
        .body(Tasks.manual(open, "510603-T17", null))
        .post("/verification-tasks")
        .then()
        .statusCode(201);
    String batch = "SC-" + UUID.randomUUID();
    String body =
        String.join(
            "\n",
            row("王芳", a, "扬嘉镇", "2026-01-20 武汉返乡"), // 1: by name, routed
            row("李明", b, "510603-T17", null), // 2: by code
            row(null, Tasks.idNumber(), "扬嘉镇", null), // 3: no name
            row("赵六", "510603199001011235", "扬嘉镇", null), // 4: bad check digit
            row("孙七", c, "某某村", null), // 5: unknown town: district queue
            row("王芳", a.toLowerCase(), "扬嘉", null), // 6: again in the batch
            "{not json", // 7
            row("张三", open, "510603-T17", "省平台推送")); // 8: has an open task

    JsonPath result =
        given()
            .auth()
            .oauth2(PROVINCE)
            .contentType(ImportResource.NDJSON)
            .queryParam("batchId", batch)
            .body(body.getBytes(StandardCharsets.UTF_8))
            .post("/imports")
            .then()
            .statusCode(201)
            .header("Location", endsWith("/imports/" + batch))
            .body("status", equalTo("COMPLETED"))
            .extract()
            .jsonPath();
    assertThat(result.getLong("rowsRead")).isEqualTo(8);
    assertThat(result.getLong("tasksCreated")).isEqualTo(3);
    assertThat(result.getLong("sourcesAdded")).isEqualTo(1);
    assertThat(result.getLong("duplicates")).isEqualTo(1);
    assertThat(result.getLong("unroutable")).isEqualTo(1);
    assertThat(result.getLong("badRows")).isEqualTo(3);
    assertThat(result.getList("firstBadRows.line", Integer.class)).containsExactly(3, 4, 7);
    assertThat(result.getString("firstBadRows[0].reason")).startsWith("name");
    assertThat(result.getString("firstBadRows[1].reason")).startsWith("idNumber");

    assertThat(
            db.strings(
                "select station_unit_id::text from verification_task"
                    + " where id_number_lookup in (?, ?)",
                sealing.lookup(a),
                sealing.lookup(b)))
        .containsOnly(station.toString());
    assertThat(
            db.count(
                "select count(*) from verification_task where id_number_lookup = ?",
                sealing.lookup(a)))
        .isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from verification_task where id_number_lookup = ?"
                    + " and station_unit_id is null and town_code is null",
                sealing.lookup(c)))
        .isEqualTo(1);
    assertThat(
            db.count(
                "select count(*) from verification_task t join verification_task_source s"
                    + " on s.task_id = t.id where t.id_number_lookup = ?"
                    + " and t.first_source = 'MANUAL'",
                sealing.lookup(open)))
        .isEqualTo(2);
    // nothing of the list in clear: numbers sealed, source keys by the lookup
    List<Object[]> stored =
        db.rows(
            "select t.id_number, t.id_number_lookup, s.source_key from verification_task t"
                + " join verification_task_source s on s.task_id = t.id where s.batch_id = ?",
            batch);
    assertThat(stored).hasSize(4);
    assertThat(stored)
        .allSatisfy(
            r -> {
              assertThat((String) r[0]).startsWith("pd1:");
              assertThat(r[2]).isEqualTo("PROVINCIAL_LIST:" + batch + ":" + r[1]);
              assertThat(IdNumbers.inClear(Arrays.toString(r))).isEmpty();
            });
    assertThat(stored.stream().map(r -> sealing.open((String) r[0])))
        .containsExactlyInAnyOrder(a, b, c, open);
    as(COMMAND)
        .queryParam("batch", batch)
        .get("/verification-coverage")
        .then()
        .statusCode(200)
        .body("total", equalTo(4))
        .body("open", equalTo(4))
        .body("unroutable", equalTo(1));

    List<String> events =
        db.strings(
            "select event::text from outbox where event->'data'->'source'->>'batchId' = ?"
                + " order by seq",
            batch);
    assertThat(events).hasSize(4);
    events.forEach(EventContracts::assertValid);
    assertThat(events.stream().filter(e -> e.contains("VerificationTaskSourceAdded"))).hasSize(1);
    List<String> imported = db.events("ProvincialBatchImported", "batchId", batch);
    assertThat(imported).hasSize(1);
    EventContracts.assertValid(imported.get(0));

    long tasks = db.count("select count(*) from verification_task");
    given()
        .auth()
        .oauth2(PROVINCE)
        .contentType(ImportResource.NDJSON)
        .queryParam("batchId", batch)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/imports")
        .then()
        .statusCode(200)
        .body("tasksCreated", equalTo(3));
    assertThat(db.count("select count(*) from verification_task")).isEqualTo(tasks);
    assertThat(db.events("ProvincialBatchImported", "batchId", batch)).hasSize(1);

    given()
        .auth()
        .oauth2(Tasks.AUDITOR)
        .get("/imports/" + batch)
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("badRows", equalTo(3));
  }

  @Test
  void csvWithAHeaderAndQuotedFields() {
    Db db = new Db(dataSource);
    String a = Tasks.idNumber();
    String b = Tasks.idNumber();
    String batch = "SC-CSV-" + UUID.randomUUID();
    String body =
        "name,idNumber,phone,address,town,listedAt,reason\r\n"
            + "刘一,"
            + a
            + ",13800001111,\"德阳市旌阳区, 天元街道 \"\"1\"\"号\",天元街道,2026-01-21,密接\r\n"
            + "陈二,"
            + b
            + ",,,,,\r\n"
            + "\"未闭合,"
            + Tasks.idNumber()
            + "\r\n";
    given()
        .auth()
        .oauth2(COMMAND)
        .contentType(ImportResource.CSV)
        .queryParam("batchId", batch)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/imports")
        .then()
        .statusCode(201)
        .body("rowsRead", equalTo(3))
        .body("tasksCreated", equalTo(2))
        .body("badRows", equalTo(1))
        .body("firstBadRows[0].line", equalTo(4));
    assertThat(
            db.strings(
                "select address || '|' || town_code from verification_task"
                    + " where id_number_lookup = ?",
                sealing.lookup(a)))
        .containsExactly("德阳市旌阳区, 天元街道 \"1\"号|510603-T07");
    assertThat(
            db.strings(
                "select phone from verification_task where id_number_lookup = ?",
                sealing.lookup(a)))
        .singleElement()
        .satisfies(
            phone -> {
              assertThat(phone).startsWith("pd1:");
              assertThat(sealing.open(phone)).isEqualTo("13800001111");
            });
  }

  @Test
  void garbageIsRefusedWithProblems() {
    given()
        .auth()
        .oauth2(PROVINCE)
        .contentType(ImportResource.CSV)
        .queryParam("batchId", "SC-BAD-" + UUID.randomUUID())
        .body("just some text\nmore".getBytes(StandardCharsets.UTF_8))
        .post("/imports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(PROVINCE)
        .contentType(ImportResource.NDJSON)
        .body("{}".getBytes(StandardCharsets.UTF_8))
        .post("/imports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tasks.stationOfficer(UUID.randomUUID()))
        .contentType(ImportResource.NDJSON)
        .queryParam("batchId", "x")
        .body("{}".getBytes(StandardCharsets.UTF_8))
        .post("/imports")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(PROVINCE)
        .queryParam("batchId", "SC-NO-TYPE-" + UUID.randomUUID())
        .body("valid".getBytes(StandardCharsets.UTF_8))
        .post("/imports")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    given().auth().oauth2(PROVINCE).get("/imports/nope").then().statusCode(404);
  }

  static String row(String name, String idNumber, String town, String reason) {
    StringBuilder s = new StringBuilder("{");
    s.append("\"name\":").append(name == null ? "null" : "\"" + name + "\"");
    s.append(",\"idNumber\":\"").append(idNumber).append('"');
    s.append(",\"town\":\"").append(town).append('"');
    if (reason != null) {
      s.append(",\"reason\":\"").append(reason).append('"');
    }
    return s.append('}').toString();
  }
}
