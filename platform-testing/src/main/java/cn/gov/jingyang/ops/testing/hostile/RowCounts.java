package cn.gov.jingyang.ops.testing.hostile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Row counts of every table of the service's own database (schema public, except Flyway's history,
 * the audit trail and the outbox relay's queue), read in one statement so that a snapshot around
 * each write stays cheap. The audit trail records reads (the run's concurrent readers see personal
 * data in clear), not what a write changed, so it grows around a refused write without that write
 * having touched anything; the relay's queue ({@code outbox_pending}) shrinks whenever Kafka
 * acknowledges earlier events — whether a write appended an event shows in the log, {@code outbox},
 * which is counted.
 */
public final class RowCounts {

  /** One database: its name prefix ("" for a service's own), its tables and the statement. */
  private record Database(String prefix, DataSource dataSource, List<String> tables, String sql) {}

  private final List<Database> databases = new ArrayList<>();

  public RowCounts(DataSource dataSource) {
    this(Map.of("", dataSource));
  }

  /**
   * Row counts of several databases (the suite's, through the gateway), each table named {@code
   * <database>.<table>}.
   */
  public RowCounts(Map<String, DataSource> databases) {
    databases.forEach(
        (name, dataSource) ->
            this.databases.add(database(name.isEmpty() ? "" : name + ".", dataSource)));
  }

  private static Database database(String prefix, DataSource dataSource) {
    List<String> tables = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE'"
                    + " and table_name not in ('flyway_schema_history', 'audit_trail', 'outbox_pending')"
                    + " order by 1")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder select = new StringBuilder("select ");
    for (int i = 0; i < tables.size(); i++) {
      select
          .append(i == 0 ? "" : ", ")
          .append("(select count(*) from \"")
          .append(tables.get(i))
          .append("\")");
    }
    return new Database(prefix, dataSource, List.copyOf(tables), select.toString());
  }

  public List<String> tables() {
    List<String> out = new ArrayList<>();
    databases.forEach(d -> d.tables().forEach(t -> out.add(d.prefix() + t)));
    return out;
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Database d : databases) {
      try (Connection c = d.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(d.sql())) {
        rs.next();
        for (int i = 0; i < d.tables().size(); i++) {
          counts.put(d.prefix() + d.tables().get(i), rs.getLong(i + 1));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    return counts;
  }

  /** Tables whose count differs, as "table +n"; those in {@code ignored} are left out. */
  public static List<String> changed(
      Map<String, Long> before, Map<String, Long> after, Set<String> ignored) {
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, Long> t : after.entrySet()) {
      long delta = t.getValue() - before.getOrDefault(t.getKey(), 0L);
      if (delta != 0 && !ignored.contains(t.getKey())) {
        changed.add(t.getKey() + (delta > 0 ? " +" : " ") + delta);
      }
    }
    return changed;
  }
}
