package cn.gov.jingyang.ops.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox as operators see it (the {@code outbox_entry} view: the log with each row's delivery
 * state from the queue): rows by status, counts, and releasing a BLOCKED row. A PUBLISHED row has
 * left the queue, so its attempts and errors are no longer known.
 */
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
      Integer attempts,
      String lastError,
      OffsetDateTime occurredAt,
      OffsetDateTime nextAttemptAt) {}

  private OutboxEntries() {}

  /** An operator releases a BLOCKED row: it is retried from scratch. */
  public static boolean release(Connection c, long seq) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox_pending set blocked = false, attempts = 0, next_attempt_at = now()"
                + " where seq = ? and blocked")) {
      ps.setLong(1, seq);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Rows in {@code status} after seq {@code after}, oldest first. Waiting and blocked rows are
   * found from the queue (a few thousand rows), not by walking the log.
   */
  public static List<Entry> entries(Connection c, Status status, long after, int limit)
      throws SQLException {
    String which =
        status == Status.PUBLISHED
            ? "status = 'PUBLISHED'"
            : "seq in (select seq from outbox_pending where blocked = ?)";
    try (PreparedStatement ps =
        c.prepareStatement(
            "select seq, event_id, topic, aggregate_type, aggregate_id, event_type, status, attempts,"
                + " last_error, occurred_at, next_attempt_at from outbox_entry where "
                + which
                + " and seq > ? order by seq limit ?")) {
      int p = 0;
      if (status != Status.PUBLISHED) {
        ps.setBoolean(++p, status == Status.BLOCKED);
      }
      ps.setLong(++p, after);
      ps.setInt(++p, limit);
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
                  rs.getObject(8, Integer.class),
                  rs.getString(9),
                  rs.getObject(10, OffsetDateTime.class),
                  rs.getObject(11, OffsetDateTime.class)));
        }
      }
      return entries;
    }
  }

  /** Rows waiting (PENDING) or BLOCKED: counted in the queue alone. */
  public static long queued(Connection c, boolean blocked) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select count(*) from outbox_pending where blocked = ?")) {
      ps.setBoolean(1, blocked);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
