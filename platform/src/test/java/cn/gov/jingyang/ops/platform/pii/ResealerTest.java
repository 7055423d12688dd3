package cn.gov.jingyang.ops.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.IdNumbers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Existing clear rows are converted, and a key rotation re-seals every row, by the resealer over
 * the test app's declared column ({@code test_witness.id_number}), in several batches.
 */
@QuarkusTest
class ResealerTest {

  private static final int ROWS = Resealer.BATCH * 2 + 3;

  @Inject Resealer resealer;
  @Inject PersonalDataSealing sealing;
  @Inject DataSource dataSource;

  @Test
  void clearRowsAreSealedWithLookupsAndARotationResealsThemAll() throws Exception {
    Map<Long, String> clear = new LinkedHashMap<>();
    forgetWitnesses();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement("insert into test_witness (id, id_number) values (?, ?)")) {
        for (long id = 1; id <= ROWS; id++) {
          String number = IdNumbers.nth(IdNumbers.DISTRICT, (int) id);
          clear.put(id, number);
          ps.setLong(1, id);
          ps.setString(2, number); // as rows were written before sealing existed
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }

    assertThat(resealer.resealAll(sealing)).isEqualTo(ROWS);
    assertEverySealedWith("dev", sealing, clear);
    // completed with the active key: a restart does not walk the table again
    assertThat(resealer.resealAll(sealing)).isZero();

    PersonalDataSealing rotated =
        PersonalDataSealing.of(
            "k2:" + PersonalDataSealingTest.K2 + "," + PersonalDataSealing.DEVELOPMENT_KEYS,
            PersonalDataSealing.DEVELOPMENT_LOOKUP_KEY);
    assertThat(resealer.resealAll(rotated)).isEqualTo(ROWS);
    assertEverySealedWith("k2", rotated, clear);
    assertThat(keyRecorded()).isEqualTo("k2");
    assertThat(resealer.resealAll(rotated)).isZero();
  }

  /**
   * No witnesses and no record of them, before and after: rows left sealed with this test's key k2
   * would stop the next start of the test app, whose resealer cannot open them (as it should).
   */
  @AfterEach
  void forgetWitnesses() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("truncate test_witness");
      s.execute("delete from sealed_data where name = 'test_witness.id_number'");
    }
  }

  private void assertEverySealedWith(
      String keyId, PersonalDataSealing with, Map<Long, String> clear) throws Exception {
    int seen = 0;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select id, id_number, id_number_lookup from test_witness")) {
      while (rs.next()) {
        seen++;
        String stored = rs.getString(2);
        String expected = clear.get(rs.getLong(1));
        assertThat(stored).startsWith("pd1:" + keyId + ":").doesNotContain(expected);
        assertThat(with.open(stored)).isEqualTo(expected);
        assertThat(rs.getString(3)).isEqualTo(with.lookup(expected));
      }
    }
    assertThat(seen).isEqualTo(ROWS);
  }

  private String keyRecorded() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select key_id from sealed_data where name = 'test_witness.id_number'")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
