package cn.gov.jingyang.ops.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxAdminTest {

  @Inject DataSource dataSource;

  private long blockedRow() throws Exception {
    UUID id = UUID.randomUUID();
    String event =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"source\":\"/jingyang/platformtest\","
            + "\"type\":\"cn.gov.jingyang.platformtest.NoteWritten\",\"subject\":\"n1\",\"data\":{}}";
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long seq =
          OutboxAppend.append(
              c,
              new OutboxAppend.NewRow(
                  id,
                  "platformtest.events",
                  "Note",
                  "blocked-" + id,
                  "cn.gov.jingyang.platformtest.NoteWritten",
                  event,
                  OffsetDateTime.now(),
                  null,
                  null));
      c.createStatement()
          .execute(
              "update outbox_pending set blocked = true, attempts = 8, last_error = 'RecordTooLargeException: test' where seq = "
                  + seq);
      c.commit();
      return seq;
    }
  }

  private String status(long seq) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select status from outbox_entry where seq = " + seq)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void shouldListBlockedRowsAndPublishOneOnceReleased() throws Exception {
    long seq = blockedRow();
    String command = DevTokens.token("duty-officer", Roles.COMMAND);
    given()
        .auth()
        .oauth2(DevTokens.token("auditor", Roles.AUDITOR))
        .get("/admin/outbox?status=BLOCKED")
        .then()
        .statusCode(200)
        .body("seq", hasItem((int) seq))
        .body("find { it.seq == " + seq + " }.attempts", equalTo(8))
        .body("find { it.seq == " + seq + " }.lastError", equalTo("RecordTooLargeException: test"));
    given()
        .auth()
        .oauth2(DevTokens.token("auditor", Roles.AUDITOR))
        .get("/admin/outbox?status=PENDING&after=" + (seq - 1))
        .then()
        .statusCode(200)
        .body("seq", not(hasItem((int) seq)));
    given()
        .auth()
        .oauth2(DevTokens.token("auditor", Roles.AUDITOR))
        .get("/admin/outbox/summary")
        .then()
        .statusCode(200)
        .body("blocked", greaterThanOrEqualTo(1));

    given()
        .auth()
        .oauth2(DevTokens.token("auditor", Roles.AUDITOR))
        .post("/admin/outbox/" + seq + "/release")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(command)
        .post("/admin/outbox/" + seq + "/release")
        .then()
        .statusCode(200)
        .body("status", equalTo("PENDING"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "PUBLISHED".equals(status(seq)));
    given()
        .auth()
        .oauth2(DevTokens.token("auditor", Roles.AUDITOR))
        .get("/admin/outbox?status=PUBLISHED&after=" + (seq - 1) + "&limit=1")
        .then()
        .statusCode(200)
        .body("seq", contains((int) seq))
        .body("[0].status", equalTo("PUBLISHED"))
        .body("[0].attempts", nullValue());

    given()
        .auth()
        .oauth2(command)
        .post("/admin/outbox/" + seq + "/release")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseAnUnknownStatusNamingItAndTheAllowedOnes() {
    given()
        .auth()
        .oauth2(DevTokens.token("auditor", Roles.AUDITOR))
        .get("/admin/outbox?status=LOST")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("status"))
        .body("errors[0].message", org.hamcrest.Matchers.containsString("BLOCKED"));
  }

  @Test
  void shouldRefuseANonNumericPathParameterNamingIt() {
    given()
        .auth()
        .oauth2(DevTokens.token("chief", Roles.COMMAND))
        .post("/admin/outbox/abc/release")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("seq"));
  }
}
