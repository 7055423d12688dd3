package cn.gov.jingyang.ops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.jingyang.ops.infra.TestInfrastructure;
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
 * thousands of rows before it is analysed again. The claim must still return the oldest heads, in
 * order, and only heads when they fill the batch. (How long the claim's plan takes on such
 * statistics — over 20 s for its former form, 6 ms now, at the soak's sizes — is measured in
 * docs/RELIABILITY.md R6, not timed here.)
 */
class OutboxClaimsTest {

  @Test
  void shouldClaimTheOldestHeadsOfALargeQueueWhoseStatisticsSayItIsNearlyEmpty() throws Exception {
    TestInfrastructure infra = TestInfrastructure.get();
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(infra.database("outbox_claims_test"));
    db.setUser(infra.user());
    db.setPassword(infra.password());
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop schema public cascade");
      s.execute("create schema public");
    }
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

    List<OutboxClaims.Row> claimed;
    long first;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      claimed = OutboxClaims.claim(c, 200, "relay-1", Duration.ofMinutes(1));
      c.commit();
      try (Statement s = c.createStatement()) {
        first = single(s, "select min(seq) from outbox_pending");
      }
    }
    assertThat(claimed).hasSize(200);
    // the first queued row is the second event of its aggregate (the first was published); after
    // it, aggregates of two: the heads are every other row
    long[] heads =
        LongStream.concat(
                LongStream.of(first), LongStream.range(0, 199).map(k -> first + 1 + 2 * k))
            .toArray();
    assertThat(claimed.stream().mapToLong(OutboxClaims.Row::seq).toArray())
        .as("the 200 oldest heads, in seq order")
        .containsExactly(heads);
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
