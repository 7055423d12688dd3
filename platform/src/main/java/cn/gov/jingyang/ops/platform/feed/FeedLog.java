package cn.gov.jingyang.ops.platform.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the event log (the {@code outbox}, in seq order) together with its purge horizon. */
public final class FeedLog {

  /** A row of the feed: its cursor and the CloudEvent JSON. */
  public record FeedRow(long cursor, String event) {}

  /**
   * Rows after a cursor, and the highest cursor retention has purged up to: a reader whose cursor
   * is below {@code purgedThrough} has missed events.
   */
  public record Slice(long purgedThrough, List<FeedRow> rows) {}

  private FeedLog() {}

  /**
   * One statement, so the horizon and the rows come from the same snapshot. Only the rows of {@code
   * topic} (the service's event stream): rows bound for other topics, e.g. compacted state topics,
   * are not events of the feed; the cursors of the rows read keep their gaps. The scan stops at the
   * highest seq when the statement starts, so a reader at the end of a busy log does not chase the
   * rows appended after its snapshot (see {@code OutboxClaims#claim}).
   */
  public static Slice read(Connection c, String topic, long after, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select h.purged_through, o.seq, o.event::text from outbox_purge_horizon h"
                + " left join lateral (select seq, event from outbox where seq > ?"
                + "   and seq <= (select max(seq) from outbox) and topic = ?"
                + " order by seq limit ?) o"
                + " on true order by o.seq")) {
      ps.setLong(1, after);
      ps.setString(2, topic);
      ps.setInt(3, limit);
      long purgedThrough = 0;
      List<FeedRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          purgedThrough = rs.getLong(1);
          long seq = rs.getLong(2);
          if (!rs.wasNull()) {
            rows.add(new FeedRow(seq, rs.getString(3)));
          }
        }
      }
      return new Slice(purgedThrough, rows);
    }
  }
}
