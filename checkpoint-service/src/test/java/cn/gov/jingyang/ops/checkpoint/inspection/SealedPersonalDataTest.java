package cn.gov.jingyang.ops.checkpoint.inspection;

import static cn.gov.jingyang.ops.checkpoint.Api.AUDITOR;
import static cn.gov.jingyang.ops.checkpoint.Api.COMMAND;
import static cn.gov.jingyang.ops.checkpoint.Api.OFFICER;
import static cn.gov.jingyang.ops.checkpoint.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import cn.gov.jingyang.ops.checkpoint.Api;
import cn.gov.jingyang.ops.infra.EventContracts;
import cn.gov.jingyang.ops.infra.IdNumberScan;
import cn.gov.jingyang.ops.infra.IdNumbers;
import cn.gov.jingyang.ops.infra.TopicProbe;
import cn.gov.jingyang.ops.platform.kafka.KafkaClients;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.pii.Resealer;
import cn.gov.jingyang.ops.testing.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Occupants' national ID numbers and phones are sealed at rest and never leave the service in
 * clear: the rows hold sealed text (recorded one by one or in a batch), the search by ID number
 * goes through the keyed hash, rows stored in clear before sealing are converted by the Resealer,
 * and the OccupantFlagged on Kafka carries them masked plus sealed.
 */
@QuarkusTest
class SealedPersonalDataTest {

  private static final String AT = "2020-02-03T09:15:00+08:00";

  @Inject DataSource dataSource;
  @Inject KafkaClients kafka;
  @Inject PersonalDataSealing sealing;
  @Inject Resealer resealer;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @Test
  void anOccupantIsStoredSealedAndAnsweredInClearOnlyToARoleThatSeesIt() {
    String checkpoint = Api.activeCheckpoint();
    String single = Api.idNumber();
    String singlePhone = phone();
    String key = UUID.randomUUID().toString();
    String recorded =
        as(OFFICER)
            .header("Idempotency-Key", key)
            .body(record(checkpoint, occupant(single, singlePhone, "CLEARED")))
            .post("/inspections")
            .then()
            .statusCode(201)
            .body("occupants[0].idNumber", equalTo(single))
            .body("occupants[0].phone", equalTo(singlePhone))
            .extract()
            .path("id");
    String batched = Api.idNumber();
    String batchedPhone = phone();
    String uploaded = upload(record(checkpoint, occupant(batched, batchedPhone, "CLEARED")));

    assertStoredSealed(recorded, single, singlePhone);
    assertStoredSealed(uploaded, batched, batchedPhone);
    assertAnswered(recorded, single, singlePhone);
    assertAnswered(uploaded, batched, batchedPhone);
    // the stored first answer of an idempotent request holds no clear ID number or phone either
    String stored =
        String.join(
            "\n",
            new Db(dataSource)
                .strings(
                    "select coalesce(body, '') from idempotency_key where idempotency_key = ?",
                    key));
    assertThat(stored).isNotEmpty().doesNotContain(single).doesNotContain(singlePhone);
    assertThat(IdNumbers.inClear(stored)).isEmpty();
  }

  @Test
  void theSearchByIdNumberFindsEveryInspectionOfThatPersonThroughTheLookup() {
    String checkpoint = Api.activeCheckpoint();
    String person = Api.idNumber();
    String other = Api.idNumber();
    String first =
        as(OFFICER)
            .body(
                record(
                    checkpoint,
                    occupant(other, phone(), "CLEARED"),
                    occupant(person, phone(), "CLEARED")))
            .post("/inspections")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String second = upload(record(checkpoint, occupant(person, phone(), "TURNED_BACK")));
    upload(record(checkpoint, occupant(other, phone(), "CLEARED")));

    as(COMMAND)
        .queryParam("idNumber", person)
        .queryParam("checkpointId", checkpoint)
        .get("/inspections")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("items.id", containsInAnyOrder(first, second));
  }

  @Test
  void rowsStoredInClearBeforeSealingAreSealedByTheResealerAndStayReadableAndSearchable()
      throws SQLException {
    String checkpoint = Api.activeCheckpoint();
    String idNumber = Api.idNumber();
    String phone = phone();
    UUID inspection = insertInClear(UUID.fromString(checkpoint), idNumber, phone);
    // read as stored until converted; the scan sees the clear row
    assertAnswered(inspection.toString(), idNumber, phone);
    assertThat(scanDatabase().found().values())
        .anySatisfy(n -> assertThat(n).contains(masked(idNumber)));

    // the first start after the upgrade: the columns are not recorded as converted yet
    new Db(dataSource)
        .count(
            "with gone as (delete from sealed_data where name in ('occupant.id_number',"
                + " 'occupant.phone') returning 1) select count(*) from gone");
    assertThat(resealer.resealAll(sealing)).isEqualTo(2);

    assertStoredSealed(inspection.toString(), idNumber, phone);
    assertThat(scanDatabase().found()).isEmpty();
    assertAnswered(inspection.toString(), idNumber, phone);
    as(COMMAND)
        .queryParam("idNumber", idNumber)
        .queryParam("checkpointId", checkpoint)
        .get("/inspections")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(inspection.toString()))
        .body("items[0].occupants[0].idNumber", equalTo(idNumber));
  }

  @Test
  void theRawKafkaRecordOfAFlagHoldsNoClearIdNumberOrPhoneAndItsSealedFieldsOpen() {
    String checkpoint = Api.activeCheckpoint();
    String single = Api.idNumber();
    String singlePhone = phone();
    String recorded =
        as(OFFICER)
            .body(record(checkpoint, occupant(single, singlePhone, "HOME_QUARANTINE")))
            .post("/inspections")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String batched = Api.idNumber();
    String batchedPhone = phone();
    String uploaded =
        upload(record(checkpoint, occupant(batched, batchedPhone, "REFERRED_TO_HEALTH")));

    try (TopicProbe probe = new TopicProbe(kafka.bootstrapServers(), "checkpoint.events")) {
      List<ConsumerRecord<String, String>> records =
          probe.until(
              rs -> flagOf(rs, recorded) != null && flagOf(rs, uploaded) != null,
              Duration.ofSeconds(30));
      assertFlagSealed(flagOf(records, recorded), single, singlePhone);
      assertFlagSealed(flagOf(records, uploaded), batched, batchedPhone);
    }
    // and so does its outbox row
    for (String inspection : List.of(recorded, uploaded)) {
      String rows =
          String.join(
              "\n", new Db(dataSource).events("OccupantFlagged", "inspectionId", inspection));
      assertThat(IdNumbers.inClear(rows)).isEmpty();
      assertThat(rows).doesNotContain(singlePhone).doesNotContain(batchedPhone);
    }
  }

  @Test
  void noRowOfTheDatabaseHoldsAnIdNumberInClearAfterRecordingFlaggingAndSearching()
      throws SQLException {
    String checkpoint = Api.activeCheckpoint();
    String single = Api.idNumber();
    String batched = Api.idNumber();
    as(OFFICER)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(record(checkpoint, occupant(single, phone(), "HOME_QUARANTINE")))
        .post("/inspections")
        .then()
        .statusCode(201);
    upload(record(checkpoint, occupant(batched, phone(), "REFERRED_TO_HEALTH")));
    for (String idNumber : List.of(single, batched)) {
      as(COMMAND)
          .queryParam("idNumber", idNumber)
          .get("/inspections")
          .then()
          .statusCode(200)
          .body("total", equalTo(1));
    }

    // every table as text: occupants, outbox, idempotency answers, audit trail, replicas...
    IdNumberScan scan = scanDatabase();
    assertThat(scan.found()).as(scan.summary()).isEmpty();
  }

  /** Every row of every table of the service's database, as text. */
  private IdNumberScan scanDatabase() throws SQLException {
    return new IdNumberScan().database(jdbcUrl, user, password);
  }

  @Test
  void theContractsExampleCarriesSealedValuesThatTheDevelopmentKeyOpensToItsMaskedOnes() {
    JsonPath example = JsonPath.from(EventContracts.example("checkpoint", "OccupantFlagged"));
    String idNumber = sealing.open(example.getString("data.idNumberSealed"));
    String phone = sealing.open(example.getString("data.phoneSealed"));
    assertThat(IdNumbers.inClear(idNumber)).containsExactly(idNumber);
    assertThat(masked(idNumber)).isEqualTo(example.getString("data.idNumber"));
    assertThat(phone.substring(0, 3) + "****" + phone.substring(7))
        .isEqualTo(example.getString("data.phone"));
  }

  private void assertFlagSealed(String value, String idNumber, String phone) {
    EventContracts.assertValid(value);
    assertThat(IdNumbers.inClear(value)).isEmpty();
    assertThat(value).doesNotContain(phone);
    JsonPath flag = JsonPath.from(value);
    assertThat(flag.getString("data.idNumber")).isEqualTo(masked(idNumber));
    assertThat(flag.getString("data.phone"))
        .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    assertThat(flag.getString("data.idNumberSealed")).startsWith("pd1:");
    assertThat(sealing.open(flag.getString("data.idNumberSealed"))).isEqualTo(idNumber);
    assertThat(sealing.open(flag.getString("data.phoneSealed"))).isEqualTo(phone);
  }

  /** The value of the OccupantFlagged of that inspection among the records; null if not there. */
  private static String flagOf(List<ConsumerRecord<String, String>> records, String inspection) {
    return records.stream()
        .map(ConsumerRecord::value)
        .filter(v -> v.contains("OccupantFlagged") && v.contains(inspection))
        .findFirst()
        .orElse(null);
  }

  /** The occupant's row holds sealed text and the lookup hash; nothing in the row is in clear. */
  private void assertStoredSealed(String inspection, String idNumber, String phone) {
    Db db = new Db(dataSource);
    List<Object[]> rows =
        db.rows(
            "select id_number, phone, id_number_lookup, o::text from occupant o"
                + " where inspection_id = ?",
            UUID.fromString(inspection));
    assertThat(rows).hasSize(1);
    Object[] row = rows.get(0);
    assertThat((String) row[0]).startsWith("pd1:").doesNotContain(idNumber);
    assertThat((String) row[1]).startsWith("pd1:").doesNotContain(phone);
    assertThat(row[2]).isEqualTo(sealing.lookup(idNumber));
    assertThat(IdNumbers.inClear((String) row[3])).isEmpty();
    assertThat((String) row[3]).doesNotContain(phone);
    assertThat(sealing.open((String) row[0])).isEqualTo(idNumber);
    assertThat(sealing.open((String) row[1])).isEqualTo(phone);
  }

  /** Clear to a role that sees personal data, masked to the auditor. */
  private static void assertAnswered(String inspection, String idNumber, String phone) {
    as(COMMAND)
        .get("/inspections/" + inspection)
        .then()
        .statusCode(200)
        .body("occupants[0].idNumber", equalTo(idNumber))
        .body("occupants[0].phone", equalTo(phone));
    as(AUDITOR)
        .get("/inspections/" + inspection)
        .then()
        .statusCode(200)
        .body("occupants[0].idNumber", equalTo(masked(idNumber)))
        .body("occupants[0].phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
  }

  /** An inspection and its occupant as they were stored before sealing: in clear, no lookup. */
  private UUID insertInClear(UUID checkpoint, String idNumber, String phone) throws SQLException {
    UUID inspection = UUID.randomUUID();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into inspection (id, client_record_id, checkpoint_id, inspected_at, day,"
                  + " direction, plate, vehicle_kind, inspector, recorded_by, occupant_count,"
                  + " flagged_count, created_at)"
                  + " values (?, ?, ?, '2020-02-03T09:15:00+08:00', '2020-02-03', 'INBOUND',"
                  + " '川F22222', 'CAR', '张伟', 'officer.zhang', 1, 0, now())")) {
        s.setObject(1, inspection);
        s.setObject(2, UUID.randomUUID());
        s.setObject(3, checkpoint);
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into occupant (id, inspection_id, position, name, id_number, phone,"
                  + " origin_province, origin_city, stayed_in_risk_area, temperature, symptoms,"
                  + " destination_town, destination_address, result, flagged, flag_reasons)"
                  + " values (?, ?, 0, '王芳', ?, ?, '四川省', '某市', false, 36.5, '[]', '孝泉镇',"
                  + " '孝泉镇民主村3组12号', 'CLEARED', false, '[]')")) {
        s.setObject(1, UUID.randomUUID());
        s.setObject(2, inspection);
        s.setString(3, idNumber);
        s.setString(4, phone);
        s.executeUpdate();
      }
    }
    return inspection;
  }

  /** Uploads one record as a batch; the id of the inspection it created. */
  private static String upload(String record) {
    return as(OFFICER)
        .body(Api.batch(List.of(record)))
        .post("/inspections/batch")
        .then()
        .statusCode(200)
        .body("results[0].outcome", equalTo("CREATED"))
        .extract()
        .path("results[0].inspectionId");
  }

  private static String record(String checkpoint, String... occupants) {
    return Api.inspection(UUID.randomUUID(), checkpoint, AT, "川F·12345", List.of(occupants));
  }

  /**
   * An occupant no rule flags (四川省, 36.5 °C): HOME_QUARANTINE or REFERRED_TO_HEALTH still makes an
   * OccupantFlagged (OFFICER_DECISION), CLEARED or TURNED_BACK none.
   */
  private static String occupant(String idNumber, String phone, String result) {
    return Api.occupant(idNumber, "四川省", 36.5, "[]", result).replace("13900005678", phone);
  }

  /** A fresh mobile number, so a leak of this test's number cannot be another test's. */
  private static String phone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  private static String masked(String idNumber) {
    return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
  }
}
