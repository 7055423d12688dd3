package cn.gov.jingyang.ops.platform.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

  private static final String ELIGIBLE =
      " not blocked and (claimed_until is null or claimed_until < now())";

  private OutboxClaims() {}

  /**
   * Claims up to {@code limit} rows to publish, in seq order, keeping order per aggregate: only the
   * oldest queued row of each aggregate (its head) can start a claim, locked with SKIP LOCKED so
   * two relays never claim the same head, and the rows behind a claimed head come with it. Rows
   * behind a head that is leased, backing off or blocked are not eligible. The claimed rows are
   * leased to {@code relay} for {@code lease}.
   *
   * <p>The heads query is written so that its plan does not depend on the queue's statistics, which
   * are often stale: the queue swings between empty and hundreds of thousands of rows within a
   * minute, faster than autovacuum re-analyses it. Planned on statistics of an empty queue, the
   * natural form of the query — {@code not exists (… q.seq < p.seq)} — ran its inner side as a
   * range scan of every row below each candidate, dead rows included: quadratic, and in the soak of
   * 30 Nov the relay's claim ran for over four minutes (holding back the vacuum that would have
   * fixed it) while 450,000 events waited. So, for this one statement, the planner may not scan
   * sequentially or sort: the outer side walks the primary key in seq order and stops at the
   * highest seq queued when the statement starts (it does not chase rows appended after its
   * snapshot), and the inner side compares {@code (aggregate_id, seq)} as a row, which only {@code
   * outbox_pending_by_key} can serve — one short probe per candidate. With the statistics the
   * soak's queue had (2 rows estimated, 250,000 there), the natural form took over 20 s, this one 6
   * ms (docs/RELIABILITY.md, R6). A claim that runs away anyway is cancelled after {@value
   * #CLAIM_TIMEOUT} and retried.
   */
  public static List<Row> claim(Connection c, int limit, String relay, Duration lease)
      throws SQLException {
    planner(c, true);
    Map<Long, String> claimed = new TreeMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select seq, aggregate_id from outbox_pending p"
                + " where seq <= (select max(seq) from outbox_pending) and next_attempt_at <= now()"
                + " and"
                + ELIGIBLE
                + " and not exists (select 1 from outbox_pending q"
                + "   where q.aggregate_id = p.aggregate_id"
                + "   and (q.aggregate_id, q.seq) < (p.aggregate_id, p.seq))"
                + " order by seq limit ? for update skip locked")) {
      ps.setInt(1, limit);
      queued(ps, claimed);
    }
    planner(c, false);
    if (!claimed.isEmpty() && claimed.size() < limit) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select seq, aggregate_id from outbox_pending where aggregate_id = any(?) and seq > ?"
                  + " and"
                  + ELIGIBLE
                  + " order by seq limit ? for update")) {
        ps.setArray(1, c.createArrayOf("text", new LinkedHashSet<>(claimed.values()).toArray()));
        ps.setLong(2, claimed.keySet().iterator().next());
        ps.setInt(3, limit - claimed.size());
        queued(ps, claimed);
      }
    }
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

  private static void queued(PreparedStatement ps, Map<Long, String> into) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.putIfAbsent(rs.getLong(1), rs.getString(2));
      }
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
