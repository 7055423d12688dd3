package cn.gov.jingyang.ops.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads what really is in the service's database (for assertions only); events by their type in the
 * service's namespace ({@code cn.gov.jingyang.<ops.service-name>.<Event>}).
 */
public final class Db {

  private final DataSource dataSource;

  public Db(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public long count(String sql, Object... params) {
    return ((Number) rows(sql, params).get(0)[0]).longValue();
  }

  public List<String> strings(String sql, Object... params) {
    return rows(sql, params).stream().map(r -> (String) r[0]).toList();
  }

  /** Outbox events (whole CloudEvents, JSON text) of a type whose data field has a value. */
  public List<String> events(String eventName, String dataField, String value) {
    return strings(
        "select event::text from outbox where event_type = ? and event->'data'->>? = ? order by seq",
        "cn.gov.jingyang."
            + ConfigProvider.getConfig().getValue("ops.service-name", String.class)
            + "."
            + eventName,
        dataField,
        value);
  }

  public List<Object[]> rows(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        List<Object[]> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            row[i] = rs.getObject(i + 1);
          }
          out.add(row);
        }
        return out;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
