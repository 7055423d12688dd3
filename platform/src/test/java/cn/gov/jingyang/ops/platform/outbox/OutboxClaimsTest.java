package cn.gov.jingyang.ops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The relay's claim on a large queue whose statistics are stale — the normal case under load: the
 * queue drains, is vacuumed and analysed while empty, and refills the same pages by hundreds of
 * thousands of rows before it is analysed again. The claim must still return the oldest rows that
 * may be sent, in order, keeping every aggregate's order (a blocked row holds the rows behind it).
 * (How long a claim took on such statistics in its former, self-joining form — minutes in the soak
 * of 30 Nov — is measured in docs/RELIABILITY.md R6, not timed here.)
 */
class OutboxClaimsTest {

  @Test
  void shouldClaimTheOldestSendableRowsOfALargeQueueWhoseStatisticsSayItIsEmpty() throws Exception {
    PGSimpleDataSource db = EmptyDatabase.named("outbox_claims_test");
    Flyway.configure().dataSource(db).locations("classpath:db/platform").load().migrate();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      // a backlog drained and vacuumed: the pages stay, the statistics now say "empty"
      s.execute(
          "alter table outbox_pending set (autovacuum_enabled = false, vacuum_truncate = false)");
      append(s, 200_000);
      s.execute("delete from outbox_pending");
      s.execute("vacuum analyze outbox_pending");
      // the next backlog fills the same pages: two events per aggregate, the oldest 50,000
      // published since (dead rows until the next vacuum)
      append(s, 200_000);
      s.execute(
          "delete from outbox_pending where seq < (select min(seq) + 50000 from outbox_pending)");
      assertThat(
              single(s, "select reltuples::bigint from pg_class where relname = 'outbox_pending'"))
          .as("the statistics still describe the nearly empty queue")
          .isLessThan(1_000);
    }

    long first;
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      first = single(s, "select min(seq) from outbox_pending");
      // the first queued row is the second event of its aggregate (the first was published);
      // after it, aggregates of two. The next aggregate's first event is BLOCKED: its second waits.
      s.execute("update outbox_pending set blocked = true where seq = " + (first + 1));
    }
    List<OutboxClaims.Row> claimed;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      claimed = OutboxClaims.claim(c, 200, "relay-1", Duration.ofMinutes(1));
      c.commit();
    }
    long[] oldestSendable =
        LongStream.concat(LongStream.of(first), LongStream.range(first + 3, first + 202)).toArray();
    assertThat(claimed.stream().mapToLong(OutboxClaims.Row::seq).toArray())
        .as(
            "the 200 oldest rows that may be sent, in seq order: not the blocked one, nor the"
                + " row of its aggregate behind it")
        .containsExactly(oldestSendable);
  }

  private static void append(Statement s, int rows) throws Exception {
    s.execute(
        "insert into outbox (event_id, topic, aggregate_type, aggregate_id, event_type, event,"
            + " occurred_at) select gen_random_uuid(), 't', 'A', 'a' || (g / 2), 'e', '{}', now()"
            + " from generate_series(1, "
            + rows
            + ") g");
  }

  private static long single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
