package cn.gov.jingyang.ops.cases.verification;

import static cn.gov.jingyang.ops.cases.verification.Tasks.AUDITOR;
import static cn.gov.jingyang.ops.cases.verification.Tasks.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A station officer who reads a household's verification task sees the ID number and phone in
 * clear, and that read is in case-service's audit trail; an auditor's masked read is not, and the
 * auditor finds the officer's read there.
 */
@QuarkusTest
class VerificationAuditTest {

  private static final String TOWN = "510603-T06";

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;

  private List<Object[]> auditRows(Db db, String requestId) {
    return db.rows(
        "select actor, unit, subject, array_to_string(fields, ','), purpose from audit_trail"
            + " where request_id = ?",
        requestId);
  }

  @Test
  void aClearReadOfATaskIsAuditedAndAMaskedOneIsNot() {
    Db db = new Db(dataSource);
    UUID station = UUID.randomUUID();
    Tasks.cover(kafka.bootstrapServers(), db, station, UUID.randomUUID(), "PS-AU", TOWN);
    String officer = Tasks.stationOfficer(station);
    String idNumber = Tasks.idNumber();
    String created = UUID.randomUUID().toString();
    String id =
        as(officer)
            .header("X-Correlation-Id", created)
            .header("Idempotency-Key", created)
            .body(Tasks.manual(idNumber, TOWN, null))
            .post("/verification-tasks")
            .then()
            .statusCode(201)
            .body("idNumber", equalTo(idNumber))
            .extract()
            .path("id");
    assertThat(auditRows(db, created))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row)
                    .containsExactly(
                        "officer." + station,
                        station.toString(),
                        "POST /verification-tasks",
                        "id_number,phone",
                        null));

    String replay = UUID.randomUUID().toString();
    as(officer)
        .header("X-Correlation-Id", replay)
        .header("Idempotency-Key", created)
        .body(Tasks.manual(idNumber, TOWN, null))
        .post("/verification-tasks")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("idNumber", equalTo(idNumber));
    assertThat(auditRows(db, replay))
        .singleElement()
        .satisfies(row -> assertThat(row[3]).isEqualTo("id_number,phone"));

    String read = UUID.randomUUID().toString();
    as(officer)
        .header("X-Correlation-Id", read)
        .header("X-Purpose", "visit before noon")
        .get("/verification-tasks/" + id)
        .then()
        .statusCode(200)
        .body("idNumber", equalTo(idNumber))
        .body("phone", equalTo("13800001234"));
    assertThat(auditRows(db, read))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row)
                    .containsExactly(
                        "officer." + station,
                        station.toString(),
                        "GET /verification-tasks/" + id,
                        "id_number,phone",
                        "visit before noon"));

    String masked = UUID.randomUUID().toString();
    as(AUDITOR)
        .header("X-Correlation-Id", masked)
        .get("/verification-tasks/" + id)
        .then()
        .statusCode(200)
        .body("idNumber", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)));
    assertThat(auditRows(db, masked)).isEmpty();

    as(AUDITOR)
        .queryParam("subject", id)
        .get("/audit-trail")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].actor", equalTo("officer." + station))
        .body("items[0].requestId", equalTo(read));
    as(AUDITOR)
        .get("/audit-trail/verification")
        .then()
        .statusCode(200)
        .body("holds", equalTo(true));
  }
}
