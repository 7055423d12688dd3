package cn.gov.jingyang.ops.personnel.person;

import cn.gov.jingyang.ops.platform.pii.PersonalData;
import cn.gov.jingyang.ops.platform.pii.PersonalDataSealing;
import cn.gov.jingyang.ops.platform.pii.Resealable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The person events written to the outbox before phones were sealed (PersonRegistered,
 * PersonUpdated, PersonSnapshot carrying the clear number in {@code phone} and no {@code
 * phoneSealed}): the platform's Resealer calls {@link #resealBatch} at start until it answers 0,
 * and each row gets the masked number in {@code phone} and the sealed one in {@code phoneSealed},
 * the shape written since. Rows whose phone is null are left as they are. A key rotation leaves
 * these rows alone (they are events already published, removed by the outbox retention): their
 * {@code phoneSealed} opens as long as the old key stays in the key ring.
 */
@ApplicationScoped
public class PublishedPhones implements Resealable {

  static final int BATCH = 500;

  /** Its name in {@code sealed_data}. */
  static final String NAME = "outbox.person-phones";

  private static final String[] EVENT_TYPES = {
    "cn.gov.jingyang.personnel.PersonRegistered",
    "cn.gov.jingyang.personnel.PersonUpdated",
    "cn.gov.jingyang.personnel.PersonSnapshot"
  };

  private final DataSource db;

  public PublishedPhones(DataSource db) {
    this.db = db;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int resealBatch(PersonalDataSealing sealing) {
    try (Connection c = db.getConnection()) {
      List<Long> seqs = new ArrayList<>();
      List<String> phones = new ArrayList<>();
      try (PreparedStatement select =
          c.prepareStatement(
              "select seq, event->'data'->>'phone' from outbox"
                  + " where event_type = any(?) and event->'data'->>'phone' is not null"
                  + " and event->'data'->'phoneSealed' is null"
                  + " order by seq limit "
                  + BATCH
                  + " for update")) {
        select.setArray(1, c.createArrayOf("text", EVENT_TYPES));
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            seqs.add(rs.getLong(1));
            phones.add(rs.getString(2));
          }
        }
      }
      try (PreparedStatement update =
          c.prepareStatement(
              "update outbox set event = jsonb_set(jsonb_set(event, '{data,phone}',"
                  + " to_jsonb(?::text)), '{data,phoneSealed}', to_jsonb(?::text))"
                  + " where seq = ?")) {
        for (int i = 0; i < seqs.size(); i++) {
          update.setString(1, PersonalData.maskPhone(phones.get(i)));
          update.setString(2, sealing.seal(phones.get(i)));
          update.setLong(3, seqs.get(i));
          update.addBatch();
        }
        if (!seqs.isEmpty()) {
          update.executeBatch();
        }
      }
      return seqs.size();
    } catch (SQLException e) {
      throw new IllegalStateException("sealing the phones of person events in the outbox", e);
    }
  }
}
