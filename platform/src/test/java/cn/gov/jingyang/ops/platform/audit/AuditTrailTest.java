package cn.gov.jingyang.ops.platform.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import cn.gov.jingyang.ops.infra.DevTokens;
import cn.gov.jingyang.ops.platform.security.Roles;
import cn.gov.jingyang.ops.platform.testapp.PeopleResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every read of personal data in clear leaves one row in an audit trail that the database keeps
 * append-only and whose hash chain shows any tampering; AUDITOR reads it.
 */
@QuarkusTest
class AuditTrailTest {

  private static final String UNIT = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";

  @Inject DataSource dataSource;

  record Row(
      long id,
      String actor,
      List<String> roles,
      String unit,
      String subject,
      List<String> fields,
      String purpose) {}

  private List<Row> rowsOf(String requestId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select id, actor, roles, unit, subject, fields, purpose from audit_trail"
                    + " where request_id = ? order by id")) {
      s.setString(1, requestId);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getLong(1),
                  rs.getString(2),
                  Arrays.asList((String[]) rs.getArray(3).getArray()),
                  rs.getString(4),
                  rs.getString(5),
                  Arrays.asList((String[]) rs.getArray(6).getArray()),
                  rs.getString(7)));
        }
      }
      return rows;
    }
  }

  private static String read(String token, String requestId, String path) {
    return given()
        .auth()
        .oauth2(token)
        .header("X-Correlation-Id", requestId)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void shouldRecordOneRowForARequestThatShowedPersonalDataInClear() throws Exception {
    String requestId = UUID.randomUUID().toString();
    String body =
        given()
            .auth()
            .oauth2(DevTokens.tokenForUnit("officer.xq", UNIT, Roles.STATION_OFFICER))
            .header("X-Correlation-Id", requestId)
            .header("X-Purpose", "household visit, task 42")
            .get("/test/people/p-7")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(body).contains(PeopleResource.ID_NUMBER).contains(PeopleResource.PHONE);

    List<Row> rows = rowsOf(requestId);
    assertThat(rows).hasSize(1);
    Row row = rows.get(0);
    assertThat(row.actor()).isEqualTo("officer.xq");
    assertThat(row.roles()).containsExactly(Roles.STATION_OFFICER);
    assertThat(row.unit()).isEqualTo(UNIT);
    assertThat(row.subject()).isEqualTo("GET /test/people/p-7");
    assertThat(row.fields()).containsExactly("id_number", "phone");
    assertThat(row.purpose()).isEqualTo("household visit, task 42");
  }

  @Test
  void shouldRecordNothingForAnAnswerWithPersonalDataMasked() throws Exception {
    String requestId = UUID.randomUUID().toString();
    String body = read(DevTokens.token("auditor", Roles.AUDITOR), requestId, "/test/people/p-8");
    assertThat(body).doesNotContain(PeopleResource.ID_NUMBER).contains("510603********1234");
    assertThat(rowsOf(requestId)).isEmpty();
  }

  @Test
  void shouldRecordOnlyThePhoneForTheRoleThatSeesPhonesAlone() throws Exception {
    String requestId = UUID.randomUUID().toString();
    read(DevTokens.token("hr", Roles.PERSONNEL_ADMIN), requestId, "/test/people/p-9");
    List<Row> rows = rowsOf(requestId);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).fields()).containsExactly("phone");
    assertThat(rows.get(0).unit()).isNull();
    assertThat(rows.get(0).purpose()).isNull();
  }

  @Test
  void shouldRecordASearchByIdNumberWithoutTheNumber() throws Exception {
    String requestId = UUID.randomUUID().toString();
    read(
        DevTokens.token("barrier", Roles.CHECKPOINT_OFFICER),
        requestId,
        "/test/people?idNumber=" + PeopleResource.ID_NUMBER);
    List<Row> rows = rowsOf(requestId);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).fields()).containsExactly("id_number_search");
    assertThat(rows.get(0).subject()).isEqualTo("GET /test/people");
    assertThat(rows.get(0).toString()).doesNotContain(PeopleResource.ID_NUMBER);
  }

  @Test
  void shouldHaveTheDatabaseRefuseToChangeOrRemoveRows() throws Exception {
    String requestId = UUID.randomUUID().toString();
    read(DevTokens.token("cmd", Roles.COMMAND), requestId, "/test/people/p-10");
    long id = rowsOf(requestId).get(0).id();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.executeUpdate("update audit_trail set actor = 'x' where id = " + id))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("audit_trail is append-only: UPDATE refused");
      assertThatThrownBy(() -> s.executeUpdate("delete from audit_trail where id = " + id))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("audit_trail is append-only: DELETE refused");
      assertThatThrownBy(() -> s.execute("truncate audit_trail"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("audit_trail is append-only: TRUNCATE refused");
    }
    assertThat(rowsOf(requestId)).extracting(Row::actor).containsExactly("cmd");
  }

  @Test
  void shouldReportTheFirstTamperedRowAndAHoldingChainOtherwise() throws Exception {
    String auditor = DevTokens.token("auditor", Roles.AUDITOR);
    String requestId = UUID.randomUUID().toString();
    read(DevTokens.token("cmd", Roles.COMMAND), requestId, "/test/people/p-11");
    read(DevTokens.token("cmd", Roles.COMMAND), UUID.randomUUID().toString(), "/test/people/p-12");
    long tampered = rowsOf(requestId).get(0).id();
    given()
        .auth()
        .oauth2(auditor)
        .get("/audit-trail/verification")
        .then()
        .statusCode(200)
        .body("holds", equalTo(true))
        .body("firstBrokenId", nullValue());

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      // what only a superuser bypassing the triggers could do
      s.execute("set session_replication_role = replica");
      try {
        s.executeUpdate("update audit_trail set actor = 'someone-else' where id = " + tampered);
        given()
            .auth()
            .oauth2(auditor)
            .get("/audit-trail/verification")
            .then()
            .statusCode(200)
            .body("holds", equalTo(false))
            .body("firstBrokenId", equalTo((int) tampered));
      } finally {
        s.executeUpdate("update audit_trail set actor = 'cmd' where id = " + tampered);
        s.execute("set session_replication_role = origin");
      }
    }
    given()
        .auth()
        .oauth2(auditor)
        .get("/audit-trail/verification")
        .then()
        .statusCode(200)
        .body("holds", equalTo(true));
  }

  @Test
  void shouldLetAnAuditorListTheTrailWithFiltersAndPaging() {
    String actor = "reader-" + UUID.randomUUID();
    String token = DevTokens.token(actor, Roles.INVESTIGATOR);
    for (int i = 0; i < 3; i++) {
      read(token, UUID.randomUUID().toString(), "/test/people/q-" + i);
    }
    String auditor = DevTokens.token("auditor", Roles.AUDITOR);
    given()
        .auth()
        .oauth2(auditor)
        .queryParam("actor", actor)
        .queryParam("size", 2)
        .get("/audit-trail")
        .then()
        .statusCode(200)
        .body("total", equalTo(3))
        .body("size", equalTo(2))
        .body("items.size()", equalTo(2))
        .body("items[0].subject", equalTo("GET /test/people/q-2"))
        .body("items.actor", everyItem(equalTo(actor)));
    given()
        .auth()
        .oauth2(auditor)
        .queryParam("actor", actor)
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/audit-trail")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].subject", equalTo("GET /test/people/q-0"));
    given()
        .auth()
        .oauth2(auditor)
        .queryParam("actor", actor)
        .queryParam("subject", "q-1")
        .queryParam("from", "2020-01-01T00:00:00+08:00")
        .get("/audit-trail")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].fields", equalTo(List.of("id_number", "phone")));
    given()
        .auth()
        .oauth2(auditor)
        .queryParam("actor", actor)
        .queryParam("to", "2020-01-01T00:00:00+08:00")
        .get("/audit-trail")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
  }

  @Test
  void shouldRefuseTheTrailToOtherRoles() {
    for (String role :
        List.of(
            Roles.CHECKPOINT_OFFICER,
            Roles.STATION_OFFICER,
            Roles.INVESTIGATOR,
            Roles.PERSONNEL_ADMIN,
            Roles.PROVINCIAL_PLATFORM)) {
      for (String path : List.of("/audit-trail", "/audit-trail/verification")) {
        given()
            .auth()
            .oauth2(DevTokens.token("someone", role))
            .get(path)
            .then()
            .statusCode(403)
            .contentType("application/problem+json");
      }
    }
    given().get("/audit-trail").then().statusCode(401).contentType("application/problem+json");
  }

  @Test
  void shouldWithholdTheClearAnswerWhenTheTrailCannotBeWritten() throws Exception {
    String requestId = UUID.randomUUID().toString();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("alter table audit_trail rename to audit_trail_away");
      try {
        given()
            .auth()
            .oauth2(DevTokens.token("cmd", Roles.COMMAND))
            .header("X-Correlation-Id", requestId)
            .get("/test/people/p-13")
            .then()
            .statusCode(503)
            .contentType("application/problem+json")
            .body("status", equalTo(503))
            .body(not(containsString(PeopleResource.ID_NUMBER)))
            .body(not(containsString(PeopleResource.PHONE)))
            .body(not(containsString("audit_trail")));
      } finally {
        s.execute("alter table audit_trail_away rename to audit_trail");
      }
    }
    assertThat(rowsOf(requestId)).isEmpty();
  }
}
