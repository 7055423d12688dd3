package cn.gov.jingyang.ops.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The outbox as operators see it: rows by status, counts, and releasing a BLOCKED row. */
public final class OutboxEntries {

  public enum Status {
    PENDING,
    PUBLISHED,
    BLOCKED
  }

  /** A row as an operator sees it. */
  public record Entry(
      long seq,
      UUID eventId,
      String topic,
      String aggregateType,
      String aggregateId,
      String eventType,
      Status status,
      int attempts,
      String lastError,
      OffsetDateTime occurredAt,
      OffsetDateTime nextAttemptAt,
      OffsetDateTime publishedAt) {}

  private OutboxEntries() {}

  /** An operator releases a BLOCKED row: it is retried from scratch. */
  public static boolean release(Connection c, long seq) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox set status = 'PENDING', attempts = 0, next_attempt_at = now()"
                + " where seq = ? and status = 'BLOCKED'")) {
      ps.setLong(1, seq);
      return ps.executeUpdate() == 1;
    }
  }

  public static List<Entry> entries(Connection c, Status status, long after, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select seq, event_id, topic, aggregate_type, aggregate_id, event_type, status, attempts,"
                + " last_error, occurred_at, next_attempt_at, published_at from outbox"
                + " where status = ? and seq > ? order by seq limit ?")) {
      ps.setString(1, status.name());
      ps.setLong(2, after);
      ps.setInt(3, limit);
      List<Entry> entries = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new Entry(
                  rs.getLong(1),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  Status.valueOf(rs.getString(7)),
                  rs.getInt(8),
                  rs.getString(9),
                  rs.getObject(10, OffsetDateTime.class),
                  rs.getObject(11, OffsetDateTime.class),
                  rs.getObject(12, OffsetDateTime.class)));
        }
      }
      return entries;
    }
  }

  public static long count(Connection c, Status status) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select count(*) from outbox where status = ?")) {
      ps.setString(1, status.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
