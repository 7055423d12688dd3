package cn.gov.jingyang.ops.platform.outbox;

import cn.gov.jingyang.ops.platform.transaction.TransactionLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes rows to the {@code outbox}, on a connection whose transaction the caller owns. The rows
 * are inserted under a transaction-level advisory lock held until commit, so seq order is commit
 * order and a reader at cursor N never later sees a new row below N. Take it as the last thing a
 * transaction does ({@link Outbox} does so at before-completion): the lock serialises commits.
 */
public final class OutboxAppend {

  /** The lock that orders appends: seq order is commit order, so the feed has no holes. */
  public static final String APPEND_LOCK = "outbox-append";

  /** Rows per INSERT statement (9 parameters each; PostgreSQL allows 65,535 per statement). */
  private static final int ROWS_PER_STATEMENT = 1_000;

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

  private OutboxAppend() {}

  /** Appends one row and returns its seq. */
  public static long append(Connection c, NewRow row) throws SQLException {
    return appendAll(c, List.of(row)).get(0);
  }

  /** Takes the append lock, then inserts the rows in order (one statement per 1,000 rows). */
  public static List<Long> appendAll(Connection c, List<NewRow> rows) throws SQLException {
    List<Long> seqs = new ArrayList<>(rows.size());
    if (rows.isEmpty()) {
      return seqs;
    }
    lock(c);
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      seqs.addAll(insert(c, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT))));
    }
    return seqs;
  }

  /** The serialising lock alone, released at commit or rollback. */
  public static void lock(Connection c) throws SQLException {
    TransactionLock.take(c, APPEND_LOCK);
  }

  /** Inserts the rows without taking the lock: only for a caller that already holds it. */
  public static List<Long> insert(Connection c, List<NewRow> rows) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "insert into outbox (event_id, topic, aggregate_type, aggregate_id, event_type, event,"
                + " occurred_at, correlation_id, traceparent) values ");
    for (int i = 0; i < rows.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)");
    }
    sql.append(" returning seq");
    try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
      int p = 0;
      for (NewRow row : rows) {
        insert.setObject(++p, row.eventId());
        insert.setString(++p, row.topic());
        insert.setString(++p, row.aggregateType());
        insert.setString(++p, row.aggregateId());
        insert.setString(++p, row.eventType());
        insert.setString(++p, row.event());
        insert.setObject(++p, row.occurredAt());
        insert.setString(++p, row.correlationId());
        insert.setString(++p, row.traceparent());
      }
      List<Long> seqs = new ArrayList<>(rows.size());
      try (ResultSet rs = insert.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
      return seqs;
    }
  }
}
