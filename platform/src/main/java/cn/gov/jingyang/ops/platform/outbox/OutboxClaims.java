package cn.gov.jingyang.ops.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The relay's statements on the {@code outbox_pending} queue: claim a batch under a lease, then
 * dequeue what Kafka acknowledged or note what it refused. Each runs in a short transaction the
 * caller owns; no transaction stays open while the relay talks to Kafka — the lease ({@code
 * claimed_by}, {@code claimed_until}) keeps other relays off the claimed rows meanwhile, and
 * expires if this relay dies. The log ({@code outbox}) is only read here, never updated: the queue
 * holds one narrow row per event Kafka has not acknowledged, so a claim reads a small table however
 * long the log grows.
 */
public final class OutboxClaims {

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

  /** A claim takes milliseconds; one that runs this long is cancelled and retried. */
  static final String CLAIM_TIMEOUT = "10s";

  /** Queued rows a claim reads per step of its walk. */
  private static final int WINDOW = 1_000;

  /** A claim walks at most this many windows (rows held behind an unavailable head included). */
  private static final int MAX_WINDOWS = 50;

  private static final String SENDABLE_NOW =
      "not blocked and next_attempt_at <= now() and (claimed_until is null or claimed_until < now())";

  private OutboxClaims() {}

  /**
   * Claims up to {@code limit} rows to publish, in seq order, keeping order per aggregate: a row is
   * claimed only if every queued row before it of its aggregate is claimed with it. Rows behind a
   * row that is leased (to another relay), backing off or blocked wait; rows another relay is
   * claiming at the same moment are skipped (SKIP LOCKED), and so are the rows behind them. The
   * claimed rows are leased to {@code relay} for {@code lease}.
   *
   * <p>How: the queue is read in seq order from its lowest row, a window at a time, up to the
   * highest seq queued when the claim starts (so a claim never chases rows appended after it
   * began); the order rule is applied while reading — an aggregate is held from its first row that
   * cannot be sent now — and only then are the chosen rows locked. No statement joins the queue to
   * itself, so no plan depends on the queue's statistics, which are stale as a rule: the queue
   * swings between empty and hundreds of thousands of rows within a minute and is analysed at
   * random points of that. In the soak of 30 Nov a claim written as one self-join ({@code not
   * exists} an earlier row of the aggregate) was planned on "2 rows" while 250,000 were queued, ran
   * its inner side over the whole queue for each candidate and took minutes (docs/RELIABILITY.md,
   * R6). The walk's statements can only walk the primary key ({@code enable_sort} and {@code
   * enable_seqscan} off for them), and a claim that runs away anyway is cancelled after {@value
   * #CLAIM_TIMEOUT} and retried.
   */
  public static List<Row> claim(Connection c, int limit, String relay, Duration lease)
      throws SQLException {
    planner(c, true);
    Map<Long, String> wanted = new TreeMap<>();
    Long upTo = single(c, "select max(seq) from outbox_pending");
    if (upTo == null) {
      return List.of();
    }
    Set<String> held = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select seq, aggregate_id, "
                + SENDABLE_NOW
                + " from outbox_pending where seq > ? and seq <= ? order by seq limit ?")) {
      long after = 0;
      for (int window = 0; window < MAX_WINDOWS && wanted.size() < limit; window++) {
        ps.setLong(1, after);
        ps.setLong(2, upTo);
        ps.setInt(3, WINDOW);
        int read = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            read++;
            after = rs.getLong(1);
            String aggregate = rs.getString(2);
            if (wanted.size() < limit && rs.getBoolean(3) && !held.contains(aggregate)) {
              wanted.put(after, aggregate);
            } else {
              held.add(aggregate);
            }
          }
        }
        if (read < WINDOW) {
          break;
        }
      }
    }
    if (wanted.isEmpty()) {
      return List.of();
    }
    Set<Long> locked = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select seq from outbox_pending where seq = any(?) and "
                + SENDABLE_NOW
                + " for update skip locked")) {
      ps.setArray(1, c.createArrayOf("bigint", wanted.keySet().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          locked.add(rs.getLong(1));
        }
      }
    }
    planner(c, false);
    // a row another relay took meanwhile holds its aggregate: the rows behind it are not ours
    Map<Long, String> claimed = new TreeMap<>();
    Set<String> cut = new HashSet<>();
    wanted.forEach(
        (seq, aggregate) -> {
          if (!locked.contains(seq)) {
            cut.add(aggregate);
          } else if (!cut.contains(aggregate)) {
            claimed.put(seq, aggregate);
          }
        });
    if (claimed.isEmpty()) {
      return List.of();
    }
    Array seqs = c.createArrayOf("bigint", claimed.keySet().toArray());
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox_pending set claimed_by = ?,"
                + " claimed_until = now() + ? * interval '1 millisecond' where seq = any(?)")) {
      ps.setString(1, relay);
      ps.setLong(2, lease.toMillis());
      ps.setArray(3, seqs);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select o.seq, o.event_id, o.topic, o.aggregate_id, o.event_type, o.event::text,"
                + " p.attempts, o.occurred_at, o.correlation_id, o.traceparent"
                + " from outbox o join outbox_pending p on p.seq = o.seq"
                + " where o.seq = any(?) order by o.seq")) {
      ps.setArray(1, seqs);
      return rows(ps);
    }
  }

  /**
   * This transaction's statement timeout, and whether the planner must walk indexes (no sequential
   * scan, no sort) for the statements that follow.
   */
  private static void planner(Connection c, boolean indexesOnly) throws SQLException {
    String allowed = indexesOnly ? "off" : "on";
    try (PreparedStatement ps =
        c.prepareStatement(
            "select set_config('statement_timeout', ?, true), set_config('enable_sort', ?, true),"
                + " set_config('enable_seqscan', ?, true)")) {
      ps.setString(1, CLAIM_TIMEOUT);
      ps.setString(2, allowed);
      ps.setString(3, allowed);
      ps.executeQuery().close();
    }
  }

  private static Long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long value = rs.getLong(1);
      return rs.wasNull() ? null : value;
    }
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

  /** Kafka acknowledged these rows: published (dequeued), whoever holds their lease now. */
  public static void markPublished(Connection c, List<Long> seqs) throws SQLException {
    if (seqs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("delete from outbox_pending where seq = any(?)")) {
      ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
      ps.executeUpdate();
    }
  }

  /** A send failed: back off (or block) and end the lease, if the lease is still this relay's. */
  public static void markFailed(
      Connection c, long seq, String relay, String error, Duration retryIn, boolean block)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox_pending set attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = now() + ? * interval '1 millisecond', blocked = ?,"
                + " claimed_by = null, claimed_until = null"
                + " where seq = ? and claimed_by = ? and not blocked")) {
      ps.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
      ps.setLong(2, retryIn.toMillis());
      ps.setBoolean(3, block);
      ps.setLong(4, seq);
      ps.setString(5, relay);
      ps.executeUpdate();
    }
  }

  /** Rows this relay claimed but did not send stay queued, untouched, for the next pass. */
  public static void endLeases(Connection c, String relay, List<Long> seqs) throws SQLException {
    if (seqs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox_pending set claimed_by = null, claimed_until = null"
                + " where seq = any(?) and claimed_by = ? and not blocked")) {
      ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
      ps.setString(2, relay);
      ps.executeUpdate();
    }
  }
}
