package cn.gov.jingyang.ops.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Every statement on the {@code outbox} table, on a connection whose transaction the caller owns. */
public final class OutboxTable {

  /** Advisory lock key that orders appends: seq order is commit order, so the feed has no holes. */
  static final long APPEND_LOCK = 0x6a79_6f75_7462_6f78L;

  public enum Status {
    PENDING,
    PUBLISHED,
    BLOCKED
  }

  /** A row to append: the event's JSON and what the relay needs without parsing it. */
  public record NewRow(
      UUID eventId,
      String topic,
      String aggregateType,
      String aggregateId,
      String eventType,
      String event,
      OffsetDateTime occurredAt,
      String correlationId,
      String traceparent) {}

  /** A row the relay is to publish. */
  public record Row(
      long seq,
      UUID eventId,
      String topic,
      String aggregateId,
      String eventType,
      String event,
      int attempts,
      OffsetDateTime occurredAt,
      String correlationId,
      String traceparent) {}

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

  /** A row of the feed: its cursor and the CloudEvent JSON. */
  public record FeedRow(long cursor, String event) {}

  private OutboxTable() {}

  public static long append(Connection c, NewRow row) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
      lock.setLong(1, APPEND_LOCK);
      lock.execute();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into outbox (event_id, topic, aggregate_type, aggregate_id, event_type, event,"
                + " occurred_at, correlation_id, traceparent)"
                + " values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) returning seq")) {
      insert.setObject(1, row.eventId());
      insert.setString(2, row.topic());
      insert.setString(3, row.aggregateType());
      insert.setString(4, row.aggregateId());
      insert.setString(5, row.eventType());
      insert.setString(6, row.event());
      insert.setObject(7, row.occurredAt());
      insert.setString(8, row.correlationId());
      insert.setString(9, row.traceparent());
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Claims up to {@code limit} rows to publish, in seq order, keeping order per aggregate: the
   * oldest unpublished row of each aggregate (its head) is locked with SKIP LOCKED, so two relays
   * never claim the same head, and the rows behind a claimed head come with it. Rows behind a
   * head that is locked, backing off or BLOCKED are not eligible.
   */
  public static List<Row> claim(Connection c, int limit) throws SQLException {
    List<Row> heads = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select seq, event_id, topic, aggregate_id, event_type, event::text, attempts, occurred_at,"
                + " correlation_id, traceparent"
                + " from outbox o where status = 'PENDING' and next_attempt_at <= now()"
                + " and not exists (select 1 from outbox p where p.aggregate_id = o.aggregate_id"
                + "   and p.status <> 'PUBLISHED' and p.seq < o.seq)"
                + " order by seq limit ? for update skip locked")) {
      ps.setInt(1, limit);
      heads.addAll(rows(ps));
    }
    if (heads.isEmpty() || heads.size() >= limit) {
      return heads;
    }
    Set<String> keys = new LinkedHashSet<>();
    heads.forEach(h -> keys.add(h.aggregateId()));
    List<Row> all = new ArrayList<>(heads);
    Array keyArray = c.createArrayOf("text", keys.toArray());
    try (PreparedStatement ps =
        c.prepareStatement(
            "select seq, event_id, topic, aggregate_id, event_type, event::text, attempts, occurred_at,"
                + " correlation_id, traceparent"
                + " from outbox where status = 'PENDING' and aggregate_id = any(?)"
                + " and seq > ? order by seq limit ? for update")) {
      ps.setArray(1, keyArray);
      ps.setLong(2, heads.stream().mapToLong(Row::seq).min().orElseThrow());
      ps.setInt(3, limit - heads.size());
      Set<Long> claimed = new java.util.HashSet<>();
      heads.forEach(h -> claimed.add(h.seq()));
      for (Row follower : rows(ps)) {
        if (claimed.add(follower.seq())) {
          all.add(follower);
        }
      }
    }
    all.sort(java.util.Comparator.comparingLong(Row::seq));
    return all;
  }

  private static List<Row> rows(PreparedStatement ps) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getLong(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getObject(8, OffsetDateTime.class),
                rs.getString(9),
                rs.getString(10)));
      }
    }
    return rows;
  }

  public static void markPublished(Connection c, List<Long> seqs) throws SQLException {
    if (seqs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox set status = 'PUBLISHED', published_at = now(), last_error = null"
                + " where seq = any(?)")) {
      ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
      ps.executeUpdate();
    }
  }

  public static void markFailed(Connection c, long seq, String error, Duration retryIn, boolean block)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox set attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = now() + ? * interval '1 millisecond',"
                + " status = case when ? then 'BLOCKED' else status end where seq = ?")) {
      ps.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
      ps.setLong(2, retryIn.toMillis());
      ps.setBoolean(3, block);
      ps.setLong(4, seq);
      ps.executeUpdate();
    }
  }

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

  public static List<FeedRow> feed(Connection c, long after, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select seq, event::text from outbox where seq > ? order by seq limit ?")) {
      ps.setLong(1, after);
      ps.setInt(2, limit);
      List<FeedRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new FeedRow(rs.getLong(1), rs.getString(2)));
        }
      }
      return rows;
    }
  }

  public static long count(Connection c, Status status) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select count(*) from outbox where status = ?")) {
      ps.setString(1, status.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public static int purgePublishedBefore(Connection c, Instant before) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("delete from outbox where status = 'PUBLISHED' and published_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(before));
      return ps.executeUpdate();
    }
  }
}
