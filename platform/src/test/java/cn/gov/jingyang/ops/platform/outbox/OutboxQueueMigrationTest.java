package cn.gov.jingyang.ops.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V0.7 moves the relay's queue out of the log: a database with rows in every state before it keeps
 * every row of the log, queues exactly the rows not yet published (with their attempts, errors and
 * blocks), and from then on queues what is appended by any writer.
 */
class OutboxQueueMigrationTest {

  @Test
  void shouldQueueExactlyTheUnpublishedRowsOfAnExistingLogAndEveryRowAppendedAfter()
      throws Exception {
    PGSimpleDataSource db = EmptyDatabase.named("outbox_queue_migration_test");
    Flyway.configure()
        .dataSource(db)
        .locations("classpath:db/platform")
        .target("0.6")
        .load()
        .migrate();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into outbox (event_id, topic, aggregate_type, aggregate_id, event_type, event,"
              + " occurred_at, status, attempts, last_error, published_at) values"
              + " (gen_random_uuid(), 't', 'A', 'a', 'e', '{}', now(), 'PUBLISHED', 0, null, now()),"
              + " (gen_random_uuid(), 't', 'A', 'a', 'e', '{}', now(), 'BLOCKED', 8, 'too large', null),"
              + " (gen_random_uuid(), 't', 'A', 'a', 'e', '{}', now(), 'PENDING', 0, null, null),"
              + " (gen_random_uuid(), 't', 'A', 'b', 'e', '{}', now(), 'PENDING', 2, 'timeout', null),"
              + " (gen_random_uuid(), 't', 'A', 'b', 'e', '{}', now(), 'PUBLISHED', 1, null, now())");
    }

    Flyway.configure().dataSource(db).locations("classpath:db/platform").load().migrate();

    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      assertThat(
              rows(
                  s,
                  "select aggregate_id || ':' || status || ':' || coalesce(attempts, -1)"
                      + " || ':' || coalesce(last_error, '-') from outbox_entry order by seq"))
          .containsExactly(
              "a:PUBLISHED:-1:-",
              "a:BLOCKED:8:too large",
              "a:PENDING:0:-",
              "b:PENDING:2:timeout",
              "b:PUBLISHED:-1:-");
      s.execute(
          "insert into outbox (event_id, topic, aggregate_type, aggregate_id, event_type, event,"
              + " occurred_at) select gen_random_uuid(), 't', 'A', 'c' || g, 'e', '{}', now()"
              + " from generate_series(1, 3) g");
      assertThat(rows(s, "select aggregate_id from outbox_pending where seq > 5 order by seq"))
          .as("a set-based insert into the log queues each of its rows")
          .containsExactly("c1", "c2", "c3");
      assertThat(rows(s, "select count(*) from outbox")).containsExactly("8");
    }
  }

  private static List<String> rows(Statement s, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
