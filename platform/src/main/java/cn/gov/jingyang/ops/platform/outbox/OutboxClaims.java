package cn.gov.jingyang.ops.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The relay's statements on the {@code outbox}: claim a batch under a lease, then mark what Kafka
 * acknowledged or refused. Each runs in a short transaction the caller owns; no transaction stays
 * open while the relay talks to Kafka — the lease ({@code claimed_by}, {@code claimed_until}) keeps
 * other relays off the claimed rows meanwhile, and expires if this relay dies.
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

  private static final String COLUMNS =
      "select seq, event_id, topic, aggregate_id, event_type, event::text, attempts, occurred_at,"
          + " correlation_id, traceparent from outbox";
  private static final String UNLEASED = " (claimed_until is null or claimed_until < now())";

  private OutboxClaims() {}

  /**
   * Claims up to {@code limit} rows to publish, in seq order, keeping order per aggregate: only the
   * oldest unpublished row of each aggregate (its head) can start a claim, locked with SKIP LOCKED
   * so two relays never claim the same head, and the rows behind a claimed head come with it. Rows
   * behind a head that is leased, backing off or BLOCKED are not eligible. The claimed rows are
   * leased to {@code relay} for {@code lease}.
   */
  public static List<Row> claim(Connection c, int limit, String relay, Duration lease)
      throws SQLException {
    List<Row> heads;
    try (PreparedStatement ps =
        c.prepareStatement(
            COLUMNS.replace("from outbox", "from outbox o")
                + " where status = 'PENDING' and next_attempt_at <= now() and"
                + UNLEASED
                + " and not exists (select 1 from outbox p where p.aggregate_id = o.aggregate_id"
                + "   and p.status <> 'PUBLISHED' and p.seq < o.seq)"
                + " order by seq limit ? for update skip locked")) {
      ps.setInt(1, limit);
      heads = rows(ps);
    }
    List<Row> all = new ArrayList<>(heads);
    if (!heads.isEmpty() && heads.size() < limit) {
      Set<String> keys = new LinkedHashSet<>();
      heads.forEach(h -> keys.add(h.aggregateId()));
      try (PreparedStatement ps =
          c.prepareStatement(
              COLUMNS
                  + " where status = 'PENDING' and aggregate_id = any(?) and seq > ? and"
                  + UNLEASED
                  + " order by seq limit ? for update")) {
        ps.setArray(1, c.createArrayOf("text", keys.toArray()));
        ps.setLong(2, heads.stream().mapToLong(Row::seq).min().orElseThrow());
        ps.setInt(3, limit - heads.size());
        Set<Long> claimed = new HashSet<>();
        heads.forEach(h -> claimed.add(h.seq()));
        for (Row follower : rows(ps)) {
          if (claimed.add(follower.seq())) {
            all.add(follower);
          }
        }
      }
      all.sort(Comparator.comparingLong(Row::seq));
    }
    if (!all.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "update outbox set claimed_by = ?, claimed_until = now() + ? * interval '1 millisecond'"
                  + " where seq = any(?)")) {
        ps.setString(1, relay);
        ps.setLong(2, lease.toMillis());
        ps.setArray(3, c.createArrayOf("bigint", all.stream().map(Row::seq).toArray()));
        ps.executeUpdate();
      }
    }
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

  /** Kafka acknowledged these rows: published, whoever holds their lease now. */
  public static void markPublished(Connection c, List<Long> seqs) throws SQLException {
    if (seqs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox set status = 'PUBLISHED', published_at = now(), last_error = null,"
                + " claimed_by = null, claimed_until = null where seq = any(?)")) {
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
            "update outbox set attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = now() + ? * interval '1 millisecond',"
                + " status = case when ? then 'BLOCKED' else status end,"
                + " claimed_by = null, claimed_until = null"
                + " where seq = ? and claimed_by = ? and status = 'PENDING'")) {
      ps.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
      ps.setLong(2, retryIn.toMillis());
      ps.setBoolean(3, block);
      ps.setLong(4, seq);
      ps.setString(5, relay);
      ps.executeUpdate();
    }
  }

  /** Rows this relay claimed but did not send stay PENDING, untouched, for the next pass. */
  public static void endLeases(Connection c, String relay, List<Long> seqs) throws SQLException {
    if (seqs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "update outbox set claimed_by = null, claimed_until = null"
                + " where seq = any(?) and claimed_by = ? and status = 'PENDING'")) {
      ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
      ps.setString(2, relay);
      ps.executeUpdate();
    }
  }
}
