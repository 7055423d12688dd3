package cn.gov.jingyang.ops.platform.pii;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Brings every sealed column of the service to the active key at startup, before the service
 * answers: rows written in clear before sealing existed (the migration of existing data) and rows
 * sealed with an older key (rotation). It walks the table by primary key in batches of {@value
 * #BATCH}, each batch one transaction whose rows are taken {@code for update skip locked}, opens
 * each value, seals it again and fills the lookup column. A column completed with the active key is
 * recorded in {@code sealed_data} and not walked again, so a normal start costs one query.
 */
@ApplicationScoped
public class Resealer {

  static final int BATCH = 500;
  private static final Logger LOG = Logger.getLogger(Resealer.class);

  private final DataSource dataSource;
  private final PersonalDataSealing sealing;
  private final Instance<SealedColumn> columns;
  private final Instance<Resealable> others;

  public Resealer(
      DataSource dataSource,
      PersonalDataSealing sealing,
      Instance<SealedColumn> columns,
      Instance<Resealable> others) {
    this.dataSource = dataSource;
    this.sealing = sealing;
    this.columns = columns;
    this.others = others;
  }

  void onStart(@Observes StartupEvent event) throws SQLException {
    resealAll(sealing);
  }

  /**
   * Converts every declared column and every {@link Resealable} not yet completed with the active
   * key of {@code with}; returns how many values were sealed again.
   */
  public long resealAll(PersonalDataSealing with) throws SQLException {
    long total = 0;
    for (SealedColumn column : columns) {
      if (!completed(column.name(), with)) {
        long n = reseal(column, with);
        record(column.name(), with, n);
        total += n;
      }
    }
    for (Resealable other : others) {
      if (!completed(other.name(), with)) {
        long n = 0;
        for (int batch; (batch = other.resealBatch(with)) > 0; ) {
          n += batch;
        }
        record(other.name(), with, n);
        total += n;
      }
    }
    return total;
  }

  private long reseal(SealedColumn column, PersonalDataSealing with) throws SQLException {
    long sealed = 0;
    Object after = null;
    while (true) {
      Batch batch = batch(column, with, after);
      sealed += batch.sealed;
      if (batch.lastId == null) {
        break;
      }
      after = batch.lastId;
    }
    if (sealed > 0) {
      LOG.infof("%s: %d values sealed with key %s", column.name(), sealed, with.activeKeyId());
    }
    return sealed;
  }

  private record Batch(Object lastId, int sealed) {}

  /** One batch after {@code after} (null: from the start); lastId null when the table is done. */
  private Batch batch(SealedColumn c, PersonalDataSealing with, Object after) throws SQLException {
    String select =
        "select "
            + c.idColumn()
            + ", "
            + c.valueColumn()
            + " from "
            + c.table()
            + (after == null ? "" : " where " + c.idColumn() + " > ?")
            + " order by "
            + c.idColumn()
            + " limit "
            + BATCH
            + " for update skip locked";
    String update =
        "update "
            + c.table()
            + " set "
            + c.valueColumn()
            + " = ?"
            + (c.lookupColumn() == null ? "" : ", " + c.lookupColumn() + " = ?")
            + " where "
            + c.idColumn()
            + " = ?";
    return QuarkusTransaction.requiringNew().call(() -> batchOn(select, update, c, with, after));
  }

  private Batch batchOn(
      String select, String update, SealedColumn c, PersonalDataSealing with, Object after)
      throws SQLException {
    try (Connection conn = dataSource.getConnection()) {
      List<Object[]> rows = new ArrayList<>();
      Object last = null;
      try (PreparedStatement ps = conn.prepareStatement(select)) {
        if (after != null) {
          ps.setObject(1, after);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            last = rs.getObject(1);
            String value = rs.getString(2);
            if (value != null && !with.sealedWithActiveKey(value)) {
              rows.add(new Object[] {last, with.open(value)});
            }
          }
        }
      }
      try (PreparedStatement ps = conn.prepareStatement(update)) {
        for (Object[] row : rows) {
          int p = 0;
          String clear = (String) row[1];
          ps.setString(++p, with.seal(clear));
          if (c.lookupColumn() != null) {
            ps.setString(++p, with.lookup(clear));
          }
          ps.setObject(++p, row[0]);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return new Batch(last, rows.size());
    }
  }

  private boolean completed(String name, PersonalDataSealing with) throws SQLException {
    try (Connection conn = dataSource.getConnection();
        PreparedStatement ps =
            conn.prepareStatement("select key_id from sealed_data where name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && with.activeKeyId().equals(rs.getString(1));
      }
    }
  }

  private void record(String name, PersonalDataSealing with, long sealed) throws SQLException {
    try (Connection conn = dataSource.getConnection();
        PreparedStatement ps =
            conn.prepareStatement(
                "insert into sealed_data (name, key_id, rows_sealed, completed_at)"
                    + " values (?, ?, ?, now()) on conflict (name) do update set"
                    + " key_id = excluded.key_id, rows_sealed = excluded.rows_sealed,"
                    + " completed_at = excluded.completed_at")) {
      ps.setString(1, name);
      ps.setString(2, with.activeKeyId());
      ps.setLong(3, sealed);
      ps.executeUpdate();
    }
  }
}
