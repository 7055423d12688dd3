package cn.gov.jingyang.ops.cases.verification;

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
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Source keys of provincial lists written before sealing ({@code PROVINCIAL_LIST:<batchId>:<ID
 * number in clear>}) get the lookup of the number in its place, as {@link SourceRef#provincialList}
 * writes them now: no ID number stays in clear, and re-sending such a batch still finds its
 * sources. Called by the platform's Resealer until it returns 0, 500 keys a call, found through a
 * partial index that holds only the keys still in clear (V10).
 */
@ApplicationScoped
public class ProvincialSourceKeys implements Resealable {

  /** Its name in sealed_data. */
  public static final String NAME = "verification_task_source.source_key";

  private static final int BATCH = 500;

  private final DataSource dataSource;

  public ProvincialSourceKeys(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  @Transactional
  public int resealBatch(PersonalDataSealing sealing) {
    record Key(UUID id, String key) {}
    List<Key> keys = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement select =
          c.prepareStatement(
              "select id, source_key from verification_task_source"
                  + " where kind = 'PROVINCIAL_LIST' and source_key ~ ':[0-9]{17}[0-9Xx]$'"
                  + " limit ? for update skip locked")) {
        select.setInt(1, BATCH);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            keys.add(new Key(rs.getObject(1, UUID.class), rs.getString(2)));
          }
        }
      }
      try (PreparedStatement update =
          c.prepareStatement("update verification_task_source set source_key = ? where id = ?")) {
        for (Key k : keys) {
          int cut = k.key().length() - 18;
          update.setString(1, k.key().substring(0, cut) + sealing.lookup(k.key().substring(cut)));
          update.setObject(2, k.id());
          update.addBatch();
        }
        update.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("provincial source keys not resealed", e);
    }
    return keys.size();
  }
}
